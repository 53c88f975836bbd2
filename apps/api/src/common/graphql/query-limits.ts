import type { ApolloServerPlugin } from '@apollo/server';
import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Anchors: Decidim caps depth 15, complexity 5,000, 5 aliases; Consul depth 8 (RELIABILITY.md). */
export const QUERY_LIMITS = { maxDepth: 12, maxAliases: 15, maxComplexity: 5000, maxTokens: 2000 } as const;

function limitError(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } });
}

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const sel of selectionSet.selections) {
    let d = 0;
    if (sel.kind === Kind.FIELD) d = sel.name.value.startsWith('__') ? 0 : 1 + depthOf(sel.selectionSet, fragments, seen);
    else if (sel.kind === Kind.INLINE_FRAGMENT) d = depthOf(sel.selectionSet, fragments, seen);
    else if (sel.kind === Kind.FRAGMENT_SPREAD && !seen.has(sel.name.value)) {
      const frag = fragments.get(sel.name.value);
      d = depthOf(frag?.selectionSet, fragments, new Set(seen).add(sel.name.value));
    }
    max = Math.max(max, d);
  }
  return max;
}

/** Rejects deep queries before execution. */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const doc: DocumentNode = context.getDocument();
    const fragments = new Map(
      doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    return {
      OperationDefinition(node: OperationDefinitionNode) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(limitError('QUERY_TOO_DEEP', `Query depth ${depth} exceeds the limit of ${maxDepth} / クエリが深すぎます`));
        }
      },
    };
  };
}

/** Rejects alias abuse (many copies of one expensive field in one request). */
export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node: FieldNode) {
        if (node.alias) aliases++;
        if (aliases > maxAliases && !reported) {
          reported = true;
          context.reportError(limitError('TOO_MANY_ALIASES', `More than ${maxAliases} aliases in one request / 別名（alias）が多すぎます`));
        }
      },
    };
  };
}

/**
 * Rejects operations whose estimated cost (list fields count their page size) is too high, before
 * execution. This runs once the operation is resolved, with the request's variables: a validation
 * rule cannot see variables, so `proposals(first: $n)` — or any operation with a required
 * variable — would escape an estimate made there.
 */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ request, document, schema }) => {
        let complexity: number;
        try {
          complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch {
          // Variables that do not coerce: execution refuses them with its own typed error and runs nothing.
          return;
        }
        if (complexity > maxComplexity) {
          const error = limitError('QUERY_TOO_COMPLEX', `Query complexity ${complexity} exceeds ${maxComplexity} / クエリが複雑すぎます`);
          error.extensions.http = { status: 400 };
          throw error;
        }
      },
    }),
  };
}
