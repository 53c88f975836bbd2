import { Args, Float, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Ballot, DecisionRule } from '@yoriai/domain';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { PageArgs } from '../../common/graphql/paging';
import { ParticipantModel } from '../participant/participant.model';
import { AuthorLoader } from '../proposal/author.loader';
import { toPublicAuthor } from '../proposal/proposal.mapper';
import { ProposalModel } from '../proposal/proposal.model';
import { ConsensusRecordModel } from '../record/record.model';
import { toRecordModel } from '../record/record.resolver';
import { RecordService } from '../record/record.service';
import { CastProxyVoteInput, CastVoteInput, OpenVotingInput } from './dto/voting.input';
import { VoteService } from './vote.service';
import { VotingRoundEntity } from './voting-round.entity';
import { VotingLoader } from './voting.loader';
import { TallyModel, toTallyModel, VoteModel, VotingRoundModel, VotingRoundStatus } from './voting.model';
import { VotingQueryService } from './voting-query.service';
import { VotingService } from './voting.service';

const pageComplexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => (args.first ?? 50) * childComplexity;

export const toVotingRoundModel = (r: VotingRoundEntity): VotingRoundModel => ({
  id: r.id,
  proposalId: r.proposalId,
  processId: r.processId,
  rule: r.rule as DecisionRule,
  threshold: r.params.threshold,
  quorum: r.params.quorum,
  minSectors: r.params.minSectors,
  ballot: r.ballot as Ballot,
  status: r.status as VotingRoundStatus,
  proposalVersion: r.proposalVersion,
  openedAt: r.openedAt,
  closedAt: r.closedAt,
  recordId: r.recordId,
});

/** Round fields only carry what the model has; rebuild the entity shape the loaders expect. */
const roundOf = (r: VotingRoundModel): VotingRoundEntity =>
  ({ id: r.id, proposalId: r.proposalId, processId: r.processId, ballot: r.ballot, status: r.status }) as VotingRoundEntity;

@Resolver(() => VotingRoundModel)
export class VotingResolver {
  constructor(
    private readonly voting: VotingService,
    private readonly votes: VoteService,
    private readonly loader: VotingLoader,
    private readonly records: RecordService,
  ) {}

  @Mutation(() => VotingRoundModel, { description: "Opens a voting round on the proposal's current version (the proposal becomes VOTING)" })
  async openVoting(@Args('input') input: OpenVotingInput, @Ctx() ctx: RequestContext): Promise<VotingRoundModel> {
    return toVotingRoundModel(await this.voting.openVoting(requireViewer(ctx), input));
  }

  @Mutation(() => VoteModel, { description: 'Casts or changes your vote (upsert); idempotent per clientRequestId: a retry returns the stored vote' })
  async castVote(@Args('input') input: CastVoteInput, @Ctx() ctx: RequestContext): Promise<VoteModel> {
    return this.votes.castVote(requireViewer(ctx), input);
  }

  @Mutation(() => VoteModel, { description: "Enters a member's paper ballot (flagged as proxy, audited)" })
  async castProxyVote(@Args('input') input: CastProxyVoteInput, @Ctx() ctx: RequestContext): Promise<VoteModel> {
    return this.votes.castProxyVote(requireViewer(ctx), input);
  }

  @Mutation(() => ConsensusRecordModel, { description: 'Closes the open round, decides it by its rule and appends the consensus record to the chain' })
  async closeVoting(@Args('proposalId', { type: () => ID }) proposalId: string, @Ctx() ctx: RequestContext): Promise<ConsensusRecordModel> {
    return toRecordModel(await this.voting.closeVoting(requireViewer(ctx), proposalId));
  }

  @ResolveField(() => TallyModel, {
    nullable: true,
    description: 'Counted now from the votes (secret ballots: small sectors merged); null while a SECRET round is open (only its turnout is shown)',
    complexity: 5,
  })
  async tally(@Parent() r: VotingRoundModel, @Ctx() ctx: RequestContext): Promise<TallyModel | null> {
    const t = await this.loader.roundTally(ctx, roundOf(r));
    return t.sealed ? null : toTallyModel(t.shown);
  }

  @ResolveField(() => Int, { description: 'How many have voted in this round (the one figure a SECRET round shows while open)', complexity: 5 })
  async turnout(@Parent() r: VotingRoundModel, @Ctx() ctx: RequestContext): Promise<number> {
    return (await this.loader.roundTally(ctx, roundOf(r))).turnout;
  }

  @ResolveField(() => ConsensusRecordModel, { nullable: true, description: 'The record written when the round closed' })
  async record(@Parent() r: VotingRoundModel): Promise<ConsensusRecordModel | null> {
    if (!r.recordId) return null;
    const record = await this.records.byId(r.recordId);
    return record ? toRecordModel(record) : null;
  }
}

@Resolver(() => VoteModel)
export class VoteResolver {
  constructor(private readonly authors: AuthorLoader) {}

  @ResolveField(() => ParticipantModel, { nullable: true, description: 'The voter: shown for open ballots, and to the voter themself; never for secret ballots' })
  async participant(@Parent() v: VoteModel, @Ctx() ctx: RequestContext): Promise<ParticipantModel | null> {
    if (v.ballot !== 'OPEN' && ctx.viewer?.participantId !== v.participantId) return null;
    const p = await this.authors.participant(ctx, v.participantId);
    return p ? toPublicAuthor(p, null) : null;
  }
}

/** The voting fields of Proposal, declared here so the proposal module does not depend on voting. */
@Resolver(() => ProposalModel)
export class ProposalVotingResolver {
  constructor(
    private readonly loader: VotingLoader,
    private readonly query: VotingQueryService,
  ) {}

  @ResolveField(() => VotingRoundModel, { nullable: true, description: 'The open round, else the most recent closed one (null before any vote)' })
  async currentRound(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext): Promise<VotingRoundModel | null> {
    const round = await this.loader.latestRound(ctx, p.processId, p.id);
    return round ? toVotingRoundModel(round) : null;
  }

  @ResolveField(() => TallyModel, {
    nullable: true,
    description: 'Tally of the current round (see currentRound), counted now from the votes; secret ballots show small sectors merged, and nothing until they close (currentRound.turnout)',
    complexity: 5,
  })
  async tally(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext): Promise<TallyModel | null> {
    const t = await this.loader.currentTally(ctx, p.processId, p.id);
    return t && !t.sealed ? toTallyModel(t.shown) : null;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Lowest per-sector agree share of the current round (0–1, smoothed); null before any sector took a position and while a SECRET round is open',
    complexity: 5,
  })
  async bridgingScore(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext): Promise<number | null> {
    const t = await this.loader.currentTally(ctx, p.processId, p.id);
    return t && !t.sealed ? t.bridgingScore : null;
  }

  @ResolveField(() => VoteModel, { nullable: true, description: "The viewer's vote in the current round" })
  async myVote(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext): Promise<VoteModel | null> {
    if (!ctx.viewer) return null;
    const round = await this.loader.latestRound(ctx, p.processId, p.id);
    return round ? this.query.voteOf(round, ctx.viewer.participantId) : null;
  }

  @ResolveField(() => [VotingRoundModel], { description: 'Every voting round, newest first', complexity: pageComplexity })
  async rounds(@Parent() p: ProposalModel, @Args() page: PageArgs): Promise<VotingRoundModel[]> {
    return (await this.query.rounds(p.processId, p.id, page.first, page.offset)).map(toVotingRoundModel);
  }
}
