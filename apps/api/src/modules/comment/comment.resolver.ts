import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { MAX_PAGE, PageArgs, pageOf } from '../../common/graphql/paging';
import { ProposalModel } from '../proposal/proposal.model';
import { CommentThreadLoader, TOP_LEVEL } from './comment-thread.loader';
import { CommentModel } from './comment.model';
import { CommentService, StoredComment } from './comment.service';
import { AddCommentInput, HideCommentArgs } from './dto/comment.input';

@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(
    private readonly service: CommentService,
    private readonly threads: CommentThreadLoader,
  ) {}

  @Mutation(() => CommentModel, { description: 'Comments on (or, with parentId, replies within) an OPEN or VOTING proposal; idempotent per clientRequestId' })
  async addComment(@Args('input') input: AddCommentInput, @Ctx() ctx: RequestContext): Promise<CommentModel> {
    return this.read(ctx, await this.service.add(requireViewer(ctx), input));
  }

  @Mutation(() => CommentModel, { description: 'Hides a comment with a reason (never deletes it)' })
  async hideComment(@Args() args: HideCommentArgs, @Ctx() ctx: RequestContext): Promise<CommentModel> {
    const stored = await this.service.hide(requireViewer(ctx), args.commentId, args.reason);
    // hide() required comment.hide in this process, which is what reading a hidden body asks.
    this.threads.knownModerator(ctx, stored.processId);
    return this.read(ctx, stored);
  }

  // Each comment of a thread appears once in the tree and the whole thread is one query, so
  // nesting replies adds the child cost once rather than multiplying it by the page size.
  // The page arguments are declared as PageArgs declares them and bounded by pageOf (not the
  // ValidationPipe), since this runs once per top-level comment.
  @ResolveField(() => [CommentModel], { description: 'Direct replies, oldest first', complexity: ({ childComplexity }) => childComplexity + 1 })
  async replies(
    @Parent() c: CommentModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50, description: `Page size, 1–${MAX_PAGE}` }) first: number,
    @Args('offset', { type: () => Int, nullable: true, defaultValue: 0 }) offset: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ReadonlyArray<CommentModel>> {
    const page = pageOf({ first, offset });
    const replies = c.loadedReplies ?? (await this.threads.thread(ctx, c.proposalId)).children.get(c.id) ?? [];
    return replies.slice(page.offset, page.offset + page.first);
  }

  /** The stored comment as the viewer sees it (its author, reply count and, if hidden, the moderation rule), from the row read before COMMIT. */
  private read(ctx: RequestContext, stored: StoredComment): Promise<CommentModel> {
    return this.threads.seen(ctx, stored.row);
  }
}

/** Proposal.comments and Proposal.commentCount: declared here so proposals do not depend on comments. */
@Resolver(() => ProposalModel)
export class ProposalCommentsResolver {
  constructor(private readonly threads: CommentThreadLoader) {}

  @ResolveField(() => [CommentModel], {
    description: 'Top-level comments with their replies (threaded): oldest first, or newest first (e.g. the projector)',
    complexity: ({ args, childComplexity }) => (args.first ?? 50) * childComplexity,
  })
  async comments(
    @Parent() p: ProposalModel,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
    @Args('newestFirst', { type: () => Boolean, nullable: true, defaultValue: false }) newestFirst: boolean,
  ): Promise<ReadonlyArray<CommentModel>> {
    const thread = await this.threads.thread(ctx, p.id);
    const top = thread.children.get(TOP_LEVEL) ?? [];
    const ordered = newestFirst ? [...top].reverse() : top;
    return ordered.slice(page.offset, page.offset + page.first);
  }

  @ResolveField(() => Int, { description: 'All comments and replies, hidden ones included' })
  commentCount(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext): Promise<number> {
    return this.threads.count(ctx, p.id);
  }
}
