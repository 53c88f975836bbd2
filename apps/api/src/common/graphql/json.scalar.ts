import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** Deeper than this is refused: a JSON argument is data, not a way around the query depth limit. */
const MAX_DEPTH = 32;

function literal(node: ValueNode, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new TypeError('JSON value is nested too deeply');
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => literal(v, depth + 1));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value, depth + 1)]));
    default:
      throw new TypeError(`JSON cannot hold a ${node.kind}`);
  }
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_DEPTH) return depth;
  if (Array.isArray(value)) return Math.max(depth, ...value.map((v) => depthOf(v, depth + 1)));
  if (value && typeof value === 'object') return Math.max(depth, ...Object.values(value).map((v) => depthOf(v, depth + 1)));
  return depth;
}

/** Any JSON value (a practice package): passed through as parsed; services validate its shape. */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value (object, array, string, number, boolean or null)',
  serialize: (v) => v,
  parseValue: (v) => {
    if (depthOf(v) > MAX_DEPTH) throw new TypeError('JSON value is nested too deeply');
    return v;
  },
  parseLiteral: (node) => literal(node, 0),
});
