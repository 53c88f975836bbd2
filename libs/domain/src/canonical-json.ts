/** Coded error for values that have no canonical JSON form. */
export class CanonicalJsonError extends Error {
  readonly code = 'NOT_CANONICAL_JSON' as const;
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * Deterministic JSON for hashing, reproducible in any language:
 * - object keys sorted by UTF-16 code units (JavaScript's default sort), recursively;
 * - no whitespace; arrays keep their order;
 * - strings exactly as JSON.stringify writes them: only `"`, `\` and control characters are
 *   escaped (as \b \f \n \r \t or lowercase \u00xx), so Japanese and emoji stay as UTF-8, never
 *   \u escapes (only an unpaired surrogate, which is not text, is written as \udxxx);
 * - numbers as JSON.stringify writes them (ECMAScript shortest round-trip form; -0 becomes 0);
 *   NaN/Infinity are rejected. Records should hold integers and strings, which every language
 *   formats alike;
 * - properties whose value is undefined are omitted;
 * - anything else (undefined in arrays, Date, Map, class instances, bigint, functions, cycles) is
 *   rejected, so callers pass ISO strings and plain data, and nothing is silently dropped.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, path: string, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`Non-finite number ${value}`, path);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`Unsupported ${typeof value}`, path);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new CanonicalJsonError('Circular reference', path);
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      const items = obj.map((item: unknown, i) => {
        if (item === undefined) throw new CanonicalJsonError('undefined in an array', `${path}[${i}]`);
        return write(item, `${path}[${i}]`, seen);
      });
      return `[${items.join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      const name = (obj as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new CanonicalJsonError(`Only plain objects are allowed, got ${name}`, path);
    }
    const record = obj as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (v === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(v, `${path}.${key}`, seen)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(obj);
  }
}
