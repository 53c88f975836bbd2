import { Args, Float, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Sector } from '@yoriai/domain';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { SectorEnum } from '../../common/graphql/enums';
import { MeetingModel } from '../meeting/meeting.model';
import { ProcessModel } from '../process/process.model';
import { ProposalModel } from '../proposal/proposal.model';
import {
  AgreementCellModel,
  BridgingRankModel,
  CrossPillarCellModel,
  InclusionModel,
  OpinionGroupModel,
  RepresentationBasisEnum,
  SectorShareModel,
  SectorWeightedTallyModel,
  SetRepresentationTargetsInput,
  SplitSectorModel,
} from './analytics.model';
import { AnalyticsService } from './analytics.service';

/** Analytics fields on Process (DESIGN.md §3): thin, every measure computed in AnalyticsService. */
@Resolver(() => ProcessModel)
export class ProcessAnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @ResolveField(() => [AgreementCellModel], { description: 'Proposal × sector agree shares of the latest rounds (heat map)', complexity: 50 })
  agreementMatrix(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext, @Args('pillarId', { type: () => ID, nullable: true }) pillarId?: string): Promise<AgreementCellModel[]> {
    return this.analytics.agreementMatrix(requireViewer(ctx), p.id, pillarId);
  }

  @ResolveField(() => [BridgingRankModel], { description: 'Proposals ranked by bridging score (the lowest sector agree share, small-sample corrected)', complexity: 50 })
  async bridgingRanking(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext, @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number): Promise<BridgingRankModel[]> {
    return this.analytics.bridgingRanking(requireViewer(ctx), p.id, Math.max(1, Math.min(200, first)));
  }

  @ResolveField(() => Float, { nullable: true, description: 'Share of replies that cross sectors (議論 rather than 意見を聞く); null without replies' })
  async dialogueIndex(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await this.analytics.processDialogue(requireViewer(ctx), p.id)).index;
  }

  @ResolveField(() => [SectorShareModel], { description: "Each sector's share of members (or VOTERS) against the organiser's target; under half the target is flagged" })
  representation(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext, @Args('basis', { type: () => RepresentationBasisEnum, nullable: true, defaultValue: RepresentationBasisEnum.MEMBERS }) basis: RepresentationBasisEnum): Promise<SectorShareModel[]> {
    return this.analytics.representation(requireViewer(ctx), p.id, basis);
  }

  @ResolveField(() => [OpinionGroupModel], { description: 'Opinion groups from open-ballot voting patterns (second lens beside declared sectors)', complexity: 100 })
  async opinionGroups(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext): Promise<OpinionGroupModel[]> {
    return (await this.analytics.opinionGroups(requireViewer(ctx), p.id)).groups;
  }

  @ResolveField(() => [SplitSectorModel], { description: 'Declared sectors whose members are split across opinion groups', complexity: 100 })
  async splitSectors(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext): Promise<SplitSectorModel[]> {
    return (await this.analytics.opinionGroups(requireViewer(ctx), p.id)).split;
  }

  @ResolveField(() => [CrossPillarCellModel], { description: "Each sector's mean agreement per pillar", complexity: 50 })
  crossPillar(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext): Promise<CrossPillarCellModel[]> {
    return this.analytics.crossPillar(requireViewer(ctx), p.id);
  }

  @ResolveField(() => InclusionModel, { description: 'Young people (under 40) and women among active participants; opt-in, groups under 5 suppressed' })
  inclusion(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext): Promise<InclusionModel> {
    return this.analytics.inclusion(requireViewer(ctx), p.id);
  }

  @Mutation(() => [SectorShareModel], { description: 'Sets the representation targets (relative weights per sector)' })
  setRepresentationTargets(@Args('input') input: SetRepresentationTargetsInput, @Ctx() ctx: RequestContext): Promise<SectorShareModel[]> {
    return this.analytics.setRepresentationTargets(requireViewer(ctx), input);
  }
}

@Resolver(() => ProposalModel)
export class ProposalAnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @ResolveField(() => [SectorEnum], { description: 'Sectors present (attendees of the meeting, or members of the process; observers never) that have neither commented nor voted' })
  missingVoices(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext, @Args('meetingId', { type: () => ID, nullable: true }) meetingId?: string): Promise<Sector[]> {
    return this.analytics.missingVoices(ctx.viewer, p.id, meetingId);
  }

  @ResolveField(() => Float, { nullable: true, description: 'Share of replies on this proposal that cross sectors' })
  async dialogueIndex(@Parent() p: ProposalModel): Promise<number | null> {
    return (await this.analytics.proposalDialogue(p.id)).index;
  }

  @ResolveField(() => SectorWeightedTallyModel, { nullable: true, description: 'Sector-weighted agreement (each sector counts equally), beside the raw tally' })
  sectorWeighted(@Parent() p: ProposalModel): Promise<SectorWeightedTallyModel | null> {
    return this.analytics.sectorWeighted(p.id);
  }
}

@Resolver(() => MeetingModel)
export class MeetingAnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  // The meeting resolver has already checked that the viewer may read the meeting.
  @ResolveField(() => Float, { nullable: true, description: 'Share of replies written during the meeting (on its agenda proposals) that cross sectors' })
  async dialogueIndex(@Parent() m: MeetingModel): Promise<number | null> {
    return (await this.analytics.meetingDialogue(m.id)).index;
  }

  @ResolveField(() => [SectorShareModel], { description: "Attendees per sector against the process's representation targets (live warning when under half the target)" })
  representation(@Parent() m: MeetingModel): Promise<SectorShareModel[]> {
    return this.analytics.meetingRepresentation(m.id, m.processId);
  }
}
