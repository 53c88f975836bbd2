import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { can, currentMeasurements, kpiLate, kpiProgress, kpiReached, parseKpiNumber, todayInJapan, type Role, type Sector } from '@yoriai/domain';
import { AccessService } from '../../common/auth/access.service';
import { Ctx, requireViewer } from '../../common/auth/context.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { PageArgs } from '../../common/graphql/paging';
import { ProcessModel } from '../process/process.model';
import { toProcessModel } from '../process/process.resolver';
import { toProposalModel } from '../proposal/proposal.mapper';
import { KpiModel, ProposalModel } from '../proposal/proposal.model';
import { toActionItemModel } from '../record/record.resolver';
import { ImportPracticeArgs, RecordKpiMeasurementInput, ReviseDecisionInput, UpdateDeliverySettingsInput } from './dto/delivery.input';
import { DeliveryLookups } from './delivery-lookups';
import type { ProposalProvenance } from '../proposal/proposal.entity';
import { ImportedTemplateModel, KpiMeasurementModel, KpiStatusModel, ProgressReviewModel, ProvenanceModel } from './delivery.model';
import { DeliveryService } from './delivery.service';
import type { KpiMeasurementEntity } from './kpi-measurement.entity';
import { PracticeService } from './practice.service';

const pageComplexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => (args.first ?? 50) * childComplexity;

export const toMeasurementModel = (m: KpiMeasurementEntity): KpiMeasurementModel => ({
  id: m.id,
  kpiId: m.kpiId,
  value: m.value,
  measuredAt: m.measuredAt,
  source: m.source,
  note: m.note,
  sector: (m.sector as Sector | null) ?? null,
  supersedesId: m.supersedesId,
  createdAt: new Date(m.createdAt),
});

const toProvenanceModel = (p: ProposalProvenance): ProvenanceModel => ({ ...p, importedAt: new Date(p.importedAt) });

@Resolver()
export class DeliveryResolver {
  constructor(
    private readonly delivery: DeliveryService,
    private readonly practice: PracticeService,
  ) {}

  @Mutation(() => KpiMeasurementModel, { description: "Records a dated KPI value (owner sector/organisation, facilitators, secretariat); an entry for a date already measured is a correction (the old stays). Pushed live as kpi.measured." })
  async recordKpiMeasurement(@Args('input') input: RecordKpiMeasurementInput, @Ctx() ctx: RequestContext): Promise<KpiMeasurementModel> {
    return toMeasurementModel(await this.delivery.recordMeasurement(requireViewer(ctx), input));
  }

  @Mutation(() => ProcessModel, { description: 'The organiser switches the public progress page on or off and names the region' })
  async updateDeliverySettings(@Args('input') input: UpdateDeliverySettingsInput, @Ctx() ctx: RequestContext): Promise<ProcessModel> {
    return toProcessModel(await this.delivery.updateSettings(requireViewer(ctx), input));
  }

  @Mutation(() => ProposalModel, { description: 'A revised plan: a new OPEN proposal put to a new vote; its record will name the record it revises' })
  async reviseDecision(@Args('input') input: ReviseDecisionInput, @Ctx() ctx: RequestContext): Promise<ProposalModel> {
    return toProposalModel(await this.delivery.reviseDecision(requireViewer(ctx), input));
  }

  @Mutation(() => ProposalModel, { description: '横展開: imports a practice package as a DRAFT template with its provenance (verified or not)' })
  async importPractice(@Args() args: ImportPracticeArgs, @Ctx() ctx: RequestContext): Promise<ProposalModel> {
    return toProposalModel(await this.practice.importPackage(requireViewer(ctx), args));
  }

  @Query(() => ProgressReviewModel, { description: '「前回からの進捗確認」: late items and items changed since the last meeting, for the next agenda', complexity: 20 })
  async progressReview(@Args('processId', { type: () => ID }) processId: string, @Ctx() ctx: RequestContext): Promise<ProgressReviewModel> {
    const r = await this.delivery.progressReview(requireViewer(ctx), processId);
    return { ...r, lateItems: r.lateItems.map(toActionItemModel), changedItems: r.changedItems.map(toActionItemModel) };
  }
}

@Resolver(() => KpiModel)
export class KpiDeliveryResolver {
  constructor(private readonly delivery: DeliveryService) {}

  // Reached through a proposal, whose resolver has checked that the viewer may read it.
  @ResolveField(() => [KpiMeasurementModel], { description: 'Measurements that count (latest per date), oldest first; history: true lists every entry, corrected ones included', complexity: pageComplexity })
  async measurements(@Parent() k: KpiModel, @Args() page: PageArgs, @Args('history', { type: () => Boolean, defaultValue: false }) history: boolean): Promise<KpiMeasurementModel[]> {
    return (await this.delivery.measurements(k.id, history, page.first, page.offset)).map(toMeasurementModel);
  }

  @ResolveField(() => KpiStatusModel, { complexity: 10 })
  async status(@Parent() k: KpiModel): Promise<KpiStatusModel> {
    const rows = currentMeasurements(await this.delivery.measurements(k.id, false, 1000, 0));
    const last = rows[rows.length - 1];
    const targets = { baseline: parseKpiNumber(k.baseline).value, target: parseKpiNumber(k.target).value, deadline: k.deadline };
    const latest = last?.value ?? null;
    return {
      baselineValue: targets.baseline,
      targetValue: targets.target,
      latestValue: latest,
      latestMeasuredAt: last?.measuredAt ?? null,
      progress: kpiProgress(targets, latest),
      reached: kpiReached(targets, latest),
      late: kpiLate(targets, latest, todayInJapan()),
    };
  }
}

@Resolver(() => ProposalModel)
export class ProposalDeliveryResolver {
  constructor(private readonly lookups: DeliveryLookups) {}

  @ResolveField(() => ID, { nullable: true, description: 'A revised plan: the record it revises' })
  async revisesRecordId(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.lookups.proposalDelivery(ctx, p.id)).revisesRecordId;
  }

  @ResolveField(() => ProvenanceModel, { nullable: true, description: '横展開: where an imported template came from' })
  async provenance(@Parent() p: ProposalModel, @Ctx() ctx: RequestContext): Promise<ProvenanceModel | null> {
    const row = await this.lookups.proposalDelivery(ctx, p.id);
    return row.provenance ? toProvenanceModel(row.provenance) : null;
  }
}

@Resolver(() => ProcessModel)
export class ProcessDeliveryResolver {
  constructor(
    private readonly lookups: DeliveryLookups,
    private readonly delivery: DeliveryService,
    private readonly access: AccessService,
  ) {}

  @ResolveField(() => Boolean, { description: 'The public read-only progress page /p/:id/progress is on' })
  async progressPublic(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await this.lookups.processDelivery(ctx, p.id)).progressPublic;
  }

  @ResolveField(() => String, { nullable: true, description: 'The region the process serves' })
  async region(@Parent() p: ProcessModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.lookups.processDelivery(ctx, p.id)).region;
  }

  @ResolveField(() => [ImportedTemplateModel], { description: '横展開: templates imported into the process and where from, newest first (drafts: roles that see drafts)', complexity: pageComplexity })
  async importedTemplates(@Parent() p: ProcessModel, @Args() page: PageArgs, @Ctx() ctx: RequestContext): Promise<ImportedTemplateModel[]> {
    const membership = await this.access.membership(ctx.viewer, p.id);
    const seesDrafts = !!membership && can(membership.role as Role, 'proposal.amendAny');
    const rows = await this.delivery.templates(p.id, page.first, page.offset, seesDrafts ? null : (ctx.viewer?.participantId ?? '00000000-0000-0000-0000-000000000000'));
    return rows.map((r) => ({ proposalId: r.id, title: r.title, status: r.status, provenance: toProvenanceModel(r.provenance!) }));
  }
}
