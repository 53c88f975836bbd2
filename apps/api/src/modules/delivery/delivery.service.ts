import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { can, contentHash, isLate, kpiIdOf, parseKpiId, readActionItemStatus, todayInJapan, validateMeasurement, type Role } from '@yoriai/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { conflict, Errors, notFound } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { ProcessEntity } from '../process/process.entity';
import { normalizeKpis, normalizeTitle } from '../proposal/proposal-content';
import { ProposalVersionEntity } from '../proposal/proposal-version.entity';
import { ProposalEntity } from '../proposal/proposal.entity';
import { ActionItemEntity } from '../record/action-item.entity';
import { ConsensusRecordEntity } from '../record/consensus-record.entity';
import { deliveryRule } from '../record/roadmap-errors';
import type { RecordKpiMeasurementInput, ReviseDecisionInput, UpdateDeliverySettingsInput } from './dto/delivery.input';
import { KpiMeasurementEntity } from './kpi-measurement.entity';
import { loadProgress, type ProgressReport } from './progress-report';

const KPI = { ja: 'KPI', en: 'The KPI' };
const RECORD = { ja: '合意記録', en: 'The consensus record' };
const PROCESS = { ja: '協議プロセス', en: 'The process' };
export const PROGRESS_REVIEW_TITLE = '前回からの進捗確認';

const blankToNull = (s: string | null | undefined): string | null => (s == null || s.trim() === '' ? null : s.trim());

/**
 * Delivery after the vote: KPI measurements (append-only, corrections as new entries), the
 * organiser's progress settings, revised plans put to a new vote, and the PDCA review the next
 * meeting's agenda starts from. Roadmap items themselves are the record module's action items.
 */
@Injectable()
export class DeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The decided proposal a KPI id names, or NOT_FOUND (also for proposals of processes the viewer cannot see). */
  private async trackedKpi(em: EntityManager, kpiId: string): Promise<{ proposal: ProposalEntity; id: string }> {
    const parsed = parseKpiId(kpiId);
    const proposal = parsed ? await em.findOne(ProposalEntity, { where: { id: parsed.proposalId } }) : null;
    if (!parsed || !proposal || parsed.index >= proposal.kpis.length) throw Errors.notFound(KPI);
    return { proposal, id: kpiIdOf(proposal.id, parsed.index) };
  }

  async recordMeasurement(viewer: Viewer, input: RecordKpiMeasurementInput): Promise<KpiMeasurementEntity> {
    return this.tx.run(async (em, emit) => {
      const { proposal, id: kpiId } = await this.trackedKpi(em, input.kpiId);
      const membership = await this.requireMeasure(viewer, proposal, kpiId, em);
      if (proposal.status !== 'ADOPTED') {
        throw conflict('KPI_NOT_TRACKED', '決定（採択）された提案の KPI だけが測定できます。', 'Only KPIs of adopted proposals are tracked.', { status: proposal.status });
      }
      deliveryRule(() => validateMeasurement(input, todayInJapan()));
      // Serialise entries for one KPI, so two corrections of the same date each name the one before.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [kpiId]);
      const previous = await em.findOne(KpiMeasurementEntity, { where: { kpiId, measuredAt: input.measuredAt }, order: { createdAt: 'DESC', id: 'DESC' } });
      const row = await em.save(
        em.create(KpiMeasurementEntity, {
          processId: proposal.processId,
          proposalId: proposal.id,
          kpiId,
          value: input.value,
          measuredAt: input.measuredAt,
          source: blankToNull(input.source),
          note: blankToNull(input.note),
          sector: membership.sector,
          supersedesId: previous?.id ?? null,
          createdById: viewer.participantId,
        }),
      );
      await this.audit.record(em, {
        processId: proposal.processId,
        actorId: viewer.participantId,
        action: previous ? 'kpi.correct' : 'kpi.measure',
        targetType: 'kpi_measurement',
        targetId: row.id,
        data: { kpiId, measuredAt: row.measuredAt, value: row.value, supersedesId: row.supersedesId, previousValue: previous?.value ?? null },
      });
      emit({ type: 'kpi.measured', processId: proposal.processId, proposalId: proposal.id, kpiId, measurementId: row.id });
      return row;
    });
  }

  /** 'kpi.measure', or a member whose sector or organisation owns a roadmap item linked to this KPI. */
  private async requireMeasure(viewer: Viewer, proposal: ProposalEntity, kpiId: string, em: EntityManager) {
    const membership = await this.access.membership(viewer, proposal.processId, em);
    if (membership && can(membership.role as Role, 'proposal.create') && !can(membership.role as Role, 'kpi.measure')) {
      const owns = await em.exists(ActionItemEntity, {
        where: [
          { kpiId, ownerSector: membership.sector },
          ...(membership.organization ? [{ kpiId, ownerOrganization: membership.organization }] : []),
        ],
      });
      if (owns) return membership;
    }
    return (await this.access.require(viewer, proposal.processId, 'kpi.measure', em)).membership;
  }

  /** Every entry (history) or the ones that count (latest per date), oldest date first, paged. */
  async measurements(kpiId: string, history: boolean, first: number, offset: number): Promise<KpiMeasurementEntity[]> {
    return this.dataSource.query(
      `SELECT id, kpi_id AS "kpiId", proposal_id AS "proposalId", value, to_char(measured_at, 'YYYY-MM-DD') AS "measuredAt", source, note, sector,
              supersedes_id AS "supersedesId", created_at AS "createdAt"
         FROM kpi_measurement m
        WHERE kpi_id = $1 AND ($2 OR NOT EXISTS (SELECT 1 FROM kpi_measurement n WHERE n.supersedes_id = m.id))
        ORDER BY measured_at, created_at, id LIMIT $3 OFFSET $4`,
      [kpiId, history, first, offset],
    );
  }

  async updateSettings(viewer: Viewer, input: UpdateDeliverySettingsInput): Promise<ProcessEntity> {
    return this.tx.run(async (em) => {
      await this.access.require(viewer, input.processId, 'progress.publish', em);
      const process = await em.findOneOrFail(ProcessEntity, { where: { id: input.processId }, lock: { mode: 'pessimistic_write' } });
      const before = { progressPublic: process.progressPublic, region: process.region };
      if (input.progressPublic != null) process.progressPublic = input.progressPublic;
      if (input.region !== undefined) process.region = blankToNull(input.region);
      const saved = await em.save(process);
      await this.audit.record(em, { processId: process.id, actorId: viewer.participantId, action: 'progress.settings', targetType: 'process', targetId: process.id, data: { before, after: { progressPublic: saved.progressPublic, region: saved.region } } });
      return saved;
    });
  }

  /**
   * The progress report for the REST exports and the public page: members always; anyone (signed
   * in or not) when the organiser has switched the public page on; otherwise NOT_FOUND, as for a
   * process that does not exist.
   */
  async progressFor(viewer: Viewer | null, processId: string): Promise<ProgressReport> {
    const process = await this.dataSource.manager.findOne(ProcessEntity, { where: { id: processId }, select: { id: true, progressPublic: true } });
    if (!process) throw Errors.notFound(PROCESS);
    if (!process.progressPublic) {
      if (!viewer) throw notFound('PROGRESS_NOT_PUBLIC', 'この協議プロセスの進捗は公開されていません。', 'The progress of this process is not public.');
      await this.access.require(viewer, processId, 'process.read');
    }
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      return (await loadProgress(em, processId)) as ProgressReport;
    });
  }

  /**
   * A revised plan: a new OPEN proposal in the same pillar that names the record it revises; when
   * its vote closes, the new record's hashed body carries `revises` (docs/consensus-records.md).
   */
  async reviseDecision(viewer: Viewer, input: ReviseDecisionInput): Promise<ProposalEntity> {
    return this.tx.run(async (em, emit) => {
      const record = await em.findOne(ConsensusRecordEntity, { where: { id: input.recordId } });
      if (!record) throw Errors.notFound(RECORD);
      await this.access.require(viewer, record.processId, 'plan.revise', em);
      if (record.outcome !== 'ADOPTED') throw conflict('RECORD_NOT_ADOPTED', '採択された決定だけが計画の見直しの対象になります。', 'Only an adopted decision can be revised.', { outcome: record.outcome });
      const superseded = await em.exists(ConsensusRecordEntity, { where: { supersedesId: record.id } });
      if (superseded) throw conflict('RECORD_SUPERSEDED', 'この記録は訂正されています。最新の記録から見直してください。', 'This record was corrected; revise the latest record.');
      const original = await em.findOneOrFail(ProposalEntity, { where: { id: record.proposalId } });
      const decided = await em.findOneOrFail(ProposalVersionEntity, { where: { proposalId: original.id, version: record.proposalVersion } });
      const content = {
        title: input.title != null ? normalizeTitle(input.title) : decided.title,
        body: input.body ?? decided.body,
        kpis: input.kpis != null ? normalizeKpis(input.kpis) : decided.kpis,
      };
      const proposal = await em.save(
        em.create(ProposalEntity, { processId: record.processId, pillarId: original.pillarId, authorId: viewer.participantId, ...content, status: 'OPEN', version: 1, clientRequestId: null, revisesRecordId: record.id, provenance: null }),
      );
      const hash = contentHash(content);
      await em.insert(ProposalVersionEntity, { proposalId: proposal.id, version: 1, ...content, contentHash: hash, authorId: viewer.participantId, note: input.reason.trim() });
      await this.audit.record(em, {
        processId: record.processId,
        actorId: viewer.participantId,
        action: 'plan.revise',
        targetType: 'proposal',
        targetId: proposal.id,
        data: { revisesRecordId: record.id, revisesSeq: record.seq, reason: input.reason.trim(), contentHash: hash },
      });
      emit({ type: 'proposal.created', processId: record.processId, proposalId: proposal.id });
      return proposal;
    });
  }

  /** Items late now, and items whose status changed since the last meeting ended: what the next meeting reviews. */
  async progressReview(viewer: Viewer, processId: string) {
    await this.access.require(viewer, processId, 'process.read');
    const em = this.dataSource.manager;
    const [last] = await em.query<{ id: string; endedAt: Date }[]>(
      `SELECT id, ended_at AS "endedAt" FROM meeting WHERE process_id = $1 AND status = 'ENDED' AND ended_at IS NOT NULL ORDER BY ended_at DESC LIMIT 1`,
      [processId],
    );
    const since = last?.endedAt ?? null;
    const items = await em.find(ActionItemEntity, { where: { processId }, order: { dueDate: 'ASC', createdAt: 'ASC' }, take: 500 });
    const today = todayInJapan();
    const lateItems = items.filter((a) => isLate({ status: readActionItemStatus(a.status), dueDate: a.dueDate }, today));
    const changedItems = items.filter((a) => since && a.statusChangedAt && a.statusChangedAt > since);
    const [{ n }] = await em.query<{ n: number }[]>('SELECT count(*)::int AS n FROM kpi_measurement WHERE process_id = $1 AND ($2::timestamptz IS NULL OR created_at > $2)', [processId, since]);
    const recordIds = [...new Set([...lateItems, ...changedItems].map((a) => a.recordId))];
    const records = recordIds.length ? await em.find(ConsensusRecordEntity, { where: { id: In(recordIds) }, select: { id: true, proposalId: true, seq: true }, order: { seq: 'ASC' } }) : [];
    const proposalIds = [...new Set(records.map((r) => r.proposalId))];
    return {
      title: PROGRESS_REVIEW_TITLE,
      since,
      lastMeetingId: last?.id ?? null,
      proposalIds,
      lateItems,
      changedItems,
      newMeasurements: n,
      plannedMinutes: Math.min(30, 10 + 2 * (lateItems.length + changedItems.length)),
    };
  }

  /** Templates imported into the process (横展開), newest first, paged. */
  async templates(processId: string, first: number, offset: number, draftsOf: string | null): Promise<ProposalEntity[]> {
    // Drafts are seen by their author and by roles that see drafts (draftsOf null).
    return this.dataSource.manager
      .createQueryBuilder(ProposalEntity, 'p')
      .where('p.process_id = :processId AND p.provenance IS NOT NULL', { processId })
      .andWhere(draftsOf === null ? 'true' : "(p.status <> 'DRAFT' OR p.author_id = :draftsOf)", { draftsOf })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .take(first)
      .skip(offset)
      .getMany();
  }
}
