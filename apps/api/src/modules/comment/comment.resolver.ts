import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Sector, Stance } from '@yoriai/domain';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { FieldCall, MAX_PAGE, PageArgs, pageOf } from '../../common/graphql/paging';
import { ParticipantModel } from '../participant/participant.model';
import { AuthorLoader } from '../proposal/author.loader';
import { toPublicAuthor } from '../proposal/proposal.mapper';
import { ProposalModel } from '../proposal/proposal.model';
import { CommentThreadLoader, TOP_LEVEL } from './comment-thread.loader';
import { CommentEntity } from './comment.entity';
import { CommentModel } from './comment.model';
import { CommentService, StoredComment } from './comment.service';
import { AddCommentInput, HideCommentArgs } from './dto/comment.input';

export const toCommentModel = (c: CommentEntity, processId: string): CommentModel => ({
  id: c.id,
  proposalId: c.proposalId,
  parentId: c.parentId,
  stance: c.stance as Stance,
  hidden: c.hiddenAt != null,
  hiddenReason: c.hiddenReason,
  hiddenAt: c.hiddenAt,
  authorSector: c.sector as Sector,
  proposalVersion: c.proposalVersion,
  createdAt: c.createdAt,
  processId,
  authorId: c.authorId,
  storedBody: c.body,
});

const fromStored = (s: StoredComment) => toCommentModel(s.comment, s.processId);

@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(
    private readonly service: CommentService,
    private readonly threads: CommentThreadLoader,
    private readonly authors: AuthorLoader,
  ) {}

  @Mutation(() => CommentModel, { description: 'Comments on (or, with parentId, replies within) an OPEN or VOTING proposal; idempotent per clientRequestId' })
  async addComment(@Args('input') input: AddCommentInput, @Ctx() ctx: RequestContext): Promise<CommentModel> {
    return fromStored(await this.service.add(requireViewer(ctx), input));
  }

  @Mutation(() => CommentModel, { description: 'Hides a comment with a reason (never deletes it)' })
  async hideComment(@Args() args: HideCommentArgs, @Ctx() ctx: RequestContext): Promise<CommentModel> {
    return fromStored(await this.service.hide(requireViewer(ctx), args.commentId, args.reason));
  }

  // The fields below are resolved for every comment of a page (200 on a proposal page), so they take
  // graphql-js's (parent, args, context) as they are (FieldCall: no parameter decorators, so Nest runs
  // no pipes per call) and read the request's batched loaders: one thread query per proposal, one IN
  // query each for authors and memberships, one permission check per process.

  @ResolveField(() => String, { nullable: true, description: 'Markdown source; null when hidden, unless the viewer may hide comments' })
  async body(...[c, , ctx]: FieldCall<CommentModel>): Promise<string | null> {
    if (!c.hidden) return c.storedBody;
    return (await this.threads.mayModerate(ctx, c.processId)) ? c.storedBody : null;
  }

  @ResolveField(() => ParticipantModel, { description: 'The author (name and organisation only)' })
  async author(...[c, , ctx]: FieldCall<CommentModel>): Promise<ParticipantModel> {
    const [participant, membership] = await Promise.all([this.authors.participant(ctx, c.authorId), this.authors.membership(ctx, c.processId, c.authorId)]);
    if (!participant) throw new Error(`comment ${c.id} has no author`);
    return toPublicAuthor(participant, membership);
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
  ): Promise<CommentModel[]> {
    const page = pageOf({ first, offset });
    const thread = await this.threads.thread(ctx, c.proposalId);
    return (thread.children.get(c.id) ?? []).slice(page.offset, page.offset + page.first).map((r) => toCommentModel(r, c.processId));
  }

  @ResolveField(() => Int, { description: 'Number of direct replies' })
  async replyCount(...[c, , ctx]: FieldCall<CommentModel>): Promise<number> {
    return (await this.threads.thread(ctx, c.proposalId)).children.get(c.id)?.length ?? 0;
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
  ): Promise<CommentModel[]> {
    const thread = await this.threads.thread(ctx, p.id);
    const top = thread.children.get(TOP_LEVEL) ?? [];
    const ordered = newestFirst ? [...top].reverse() : top;
    return ordered.slice(page.offset, page.offset + page.first).map((c) => toCommentModel(c, p.processId));
  }

  @ResolveField(() => Int, { description: 'All comments and replies, hidden ones included' })
  commentCount(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext): Promise<number> {
    return this.threads.count(ctx, p.id);
  }
}
