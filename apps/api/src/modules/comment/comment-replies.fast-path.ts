import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { pageWithin } from '../../common/graphql/paging';
import type { CommentModel } from './comment.model';

/**
 * Comment.replies answered by graphql-js itself when the comment was read with its whole thread
 * (CommentThreadLoader: its replies are already in memory as plain comments) and the page is within
 * bounds: the same slice CommentResolver.replies returns, without Nest's wrapper around every field
 * resolver call (exception filter, a pipe per parameter, about ten promises), because a proposal
 * page resolves it once per top-level comment. Everything else — a comment read on its own, a page
 * out of bounds and its typed error — goes to CommentResolver.replies as before.
 */
export function answerRepliesFromThread(schema: GraphQLSchema): GraphQLSchema {
  const comment = schema.getType('Comment');
  const field = comment instanceof GraphQLObjectType ? comment.getFields().replies : undefined;
  const viaResolver = field?.resolve;
  if (!field || !viaResolver) throw new Error('Comment.replies has no resolver to answer around');
  const resolve: GraphQLFieldResolver<CommentModel, unknown, { first?: number | null; offset?: number | null }> = (c, args, ctx, info) => {
    const page = c.loadedReplies ? pageWithin(args) : null;
    return page && c.loadedReplies ? c.loadedReplies.slice(page.offset, page.offset + page.first) : viaResolver(c, args, ctx, info);
  };
  field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  return schema;
}
