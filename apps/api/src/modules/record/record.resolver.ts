import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isLate, readActionItemStatus, todayInJapan, type DecisionRule, type Outcome, type Sector } from '@yoriai/domain';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { PageArgs } from '../../common/graphql/paging';
import { ProcessModel } from '../process/process.model';
import { toTallyModel } from '../voting/voting.model';
import { ActionItemEntity } from './action-item.entity';
import { ActionItemService } from './action-item.service';
import { ConsensusRecordEntity } from './consensus-record.entity';
import { AddActionItemInput, CorrectRecordInput, RespondToDissentInput, UpdateActionItemInput } from './dto/record.input';
import type { RecordBody } from './record-body';
import { ActionItemModel, ActionItemStatus, ChainVerificationModel, ConsensusRecordModel, DecisionReasonModel, DissentKind, DissentModel } from './record.model';
import { DissentWithResponse, RecordService } from './record.service';

const pageComplexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => (args.first ?? 50) * childComplexity;

export function toRecordModel(r: ConsensusRecordEntity): ConsensusRecordModel {
  const body = r.body as unknown as RecordBody;
  return {
    id: r.id,
    seq: r.seq,
    processId: r.processId,
    proposalId: r.proposalId,
    roundId: r.roundId,
    proposalVersion: r.proposalVersion,
    proposalHash: r.proposalHash,
    proposalTitle: body.proposalTitle,
    rule: r.rule as DecisionRule,
    params: body.params,
    ballot: body.ballot,
    outcome: r.outcome as Outcome,
    tally: toTallyModel(body.tally),
    decidedAt: r.decidedAt,
    facilitatorId: r.facilitatorId,
    prevHash: r.prevHash,
    hash: r.hash,
    supersedesId: r.supersedesId,
    correctionReason: body.correction?.reason ?? null,
    body,
  };
}

export const toDissentModel = (d: DissentWithResponse): DissentModel => ({
  id: d.id,
  recordId: d.recordId,
  kind: d.kind as DissentKind,
  sector: d.sector as Sector | null,
  choice: d.choice,
  stance: d.stance,
  text: d.text,
  authorName: d.authorName,
  response: d.response,
  respondedAt: d.respondedAt,
  respondedBy: d.respondedBy,
});

export const toActionItemModel = (a: ActionItemEntity): ActionItemModel => ({
  id: a.id,
  recordId: a.recordId,
  title: a.title,
  ownerOrganization: a.ownerOrganization,
  ownerSector: a.ownerSector as Sector | null,
  dueDate: a.dueDate,
  kpi: a.kpi,
  status: readActionItemStatus(a.status) as ActionItemStatus,
  startDate: a.startDate,
  progress: a.progress,
  statusReason: a.statusReason,
  kpiId: a.kpiId,
  late: isLate({ status: readActionItemStatus(a.status), dueDate: a.dueDate }, todayInJapan()),
  statusChangedAt: a.statusChangedAt,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

@Resolver(() => ConsensusRecordModel)
export class RecordResolver {
  constructor(
    private readonly records: RecordService,
    private readonly items: ActionItemService,
  ) {}

  @Query(() => ConsensusRecordModel, { nullable: true, description: 'A consensus record of a process the viewer belongs to' })
  async consensusRecord(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: RequestContext): Promise<ConsensusRecordModel> {
    return toRecordModel(await this.records.get(requireViewer(ctx), id));
  }

  @Query(() => ChainVerificationModel, { description: "Recomputes every hash of the process's record chain and checks the stored copies against the hashed bodies", complexity: 50 })
  async verifyRecordChain(@Args('processId', { type: () => ID }) processId: string, @Ctx() ctx: RequestContext): Promise<ChainVerificationModel> {
    return this.records.verify(requireViewer(ctx), processId);
  }

  @Mutation(() => DissentModel, { description: 'Answers one dissent item of a record (answering again replaces the answer; the old one stays in the audit log)' })
  async respondToDissent(@Args('input') input: RespondToDissentInput, @Ctx() ctx: RequestContext): Promise<DissentModel> {
    return toDissentModel(await this.records.respondToDissent(requireViewer(ctx), input));
  }

  @Mutation(() => ConsensusRecordModel, { description: 'Appends a correcting record that supersedes the given one (records are never edited)' })
  async correctRecord(@Args('input') input: CorrectRecordInput, @Ctx() ctx: RequestContext): Promise<ConsensusRecordModel> {
    return toRecordModel(await this.records.correctRecord(requireViewer(ctx), input));
  }

  @Mutation(() => ActionItemModel)
  async addActionItem(@Args('input') input: AddActionItemInput, @Ctx() ctx: RequestContext): Promise<ActionItemModel> {
    return toActionItemModel(await this.items.add(requireViewer(ctx), input));
  }

  @Mutation(() => ActionItemModel, { description: 'Moves a roadmap milestone (status with a reason for DELAYED/DROPPED, progress 0–100, dates, KPI link) or edits it; omitted fields stay, null clears. Audited and pushed live (actionItem.updated).' })
  async updateActionItem(@Args('input') input: UpdateActionItemInput, @Ctx() ctx: RequestContext): Promise<ActionItemModel> {
    return toActionItemModel(await this.items.update(requireViewer(ctx), input));
  }

  @ResolveField(() => [DecisionReasonModel], { description: "Why the rule gave this outcome, in the caller's language" })
  reasons(@Parent() r: ConsensusRecordModel, @Ctx() ctx: RequestContext): DecisionReasonModel[] {
    return r.body.reasons.map((x) => ({ code: x.code, message: ctx.lang === 'en' ? x.en : x.ja, params: JSON.stringify(x.params) }));
  }

  @ResolveField(() => [DissentModel], { description: 'The dissent register: DISAGREE/BLOCK votes and CONCERN comments in record order, with responses', complexity: pageComplexity })
  async dissent(@Parent() r: ConsensusRecordModel, @Args() page: PageArgs): Promise<DissentModel[]> {
    const items = await this.records.dissent({ id: r.id, body: r.body as unknown as Record<string, unknown> });
    return items.slice(page.offset, page.offset + page.first).map(toDissentModel);
  }

  @ResolveField(() => [ActionItemModel], { description: 'Follow-up actions, oldest first (not part of the hashed record)', complexity: pageComplexity })
  async actionItems(@Parent() r: ConsensusRecordModel, @Args() page: PageArgs): Promise<ActionItemModel[]> {
    return (await this.items.forRecord(r.id, page.first, page.offset)).map(toActionItemModel);
  }

  @ResolveField(() => ID, { nullable: true, description: 'The correcting record that supersedes this one, if any' })
  supersededById(@Parent() r: ConsensusRecordModel): Promise<string | null> {
    return this.records.supersededBy(r);
  }
}

/** Process.records: declared here so the process module does not depend on records. */
@Resolver(() => ProcessModel)
export class ProcessRecordsResolver {
  constructor(private readonly service: RecordService) {}

  @ResolveField(() => [ConsensusRecordModel], { description: 'Consensus records of the process, newest (highest seq) first', complexity: pageComplexity })
  async records(@Parent() p: ProcessModel, @Args() page: PageArgs): Promise<ConsensusRecordModel[]> {
    return (await this.service.list(p.id, page.first, page.offset)).map(toRecordModel);
  }
}
