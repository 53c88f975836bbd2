import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applyRoadmapChange, can, DeliveryRuleError, kpiIdOf, parseKpiId, readActionItemStatus, type RoadmapItemState, type Role } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, Errors } from '../../common/errors/domain-error';
import { ProposalEntity } from '../proposal/proposal.entity';
import { toDeliveryError } from './roadmap-errors';
import { AuditService } from '../audit/audit.service';
import { ActionItemEntity } from './action-item.entity';
import { ConsensusRecordEntity } from './consensus-record.entity';
import type { AddActionItemInput, UpdateActionItemInput } from './dto/record.input';

const RECORD = { ja: '合意記録', en: 'The consensus record' };
const ACTION_ITEM = { ja: 'アクション項目', en: 'The action item' };

type Editable = Pick<ActionItemEntity, 'title' | 'ownerOrganization' | 'ownerSector' | 'dueDate' | 'kpi' | 'status' | 'startDate' | 'progress' | 'statusReason' | 'kpiId'>;
/** What a member of the owning sector may report without 'actionItem.manage' (docs/permissions.md § exceptions). */
const OWNER_FIELDS = new Set(['actionItemId', 'id', 'status', 'progress', 'reason']);

const blankToNull = (s: string | null | undefined): string | null => (s == null || s.trim() === '' ? null : s.trim());

/**
 * Action items of a decision (who does what by when, with which KPI). They are added after the
 * record is written and change as work progresses, so they live beside the hashed record body,
 * not inside it; every change is in the audit log.
 */
@Injectable()
export class ActionItemService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  forRecord(recordId: string, first: number, offset: number): Promise<ActionItemEntity[]> {
    return this.dataSource.manager.find(ActionItemEntity, { where: { recordId }, order: { createdAt: 'ASC', id: 'ASC' }, take: first, skip: offset });
  }

  async add(viewer: Viewer, input: AddActionItemInput): Promise<ActionItemEntity> {
    return this.tx.run(async (em, emit) => {
      const record = await em.findOne(ConsensusRecordEntity, { where: { id: input.recordId }, select: { id: true, processId: true, proposalId: true } });
      if (!record) throw Errors.notFound(RECORD);
      await this.access.require(viewer, record.processId, 'actionItem.manage', em);
      const kpiId = await this.kpiOfRecord(em, record.id, input.kpiId);
      if (input.startDate && input.dueDate && input.startDate > input.dueDate) throw toDeliveryError(new DeliveryRuleError('DATES_OUT_OF_ORDER', 'the start is after the due date'));
      const item = await em.save(
        em.create(ActionItemEntity, {
          recordId: record.id,
          processId: record.processId,
          title: input.title.trim(),
          ownerOrganization: blankToNull(input.ownerOrganization),
          ownerSector: input.ownerSector ?? null,
          dueDate: input.dueDate ?? null,
          kpi: blankToNull(input.kpi),
          status: 'PLANNED',
          startDate: input.startDate ?? null,
          progress: 0,
          statusReason: null,
          kpiId,
          statusChangedAt: null,
          createdById: viewer.participantId,
        }),
      );
      await this.audit.record(em, { processId: record.processId, actorId: viewer.participantId, action: 'actionItem.add', targetType: 'action_item', targetId: item.id, data: { recordId: record.id, after: snapshot(item) } });
      emit({ type: 'actionItem.updated', processId: record.processId, proposalId: record.proposalId, actionItemId: item.id });
      return item;
    });
  }

  /**
   * A roadmap change (libs/domain applyRoadmapChange: allowed transitions, a reason for DELAYED,
   * DROPPED and reopening, progress 0–100, start ≤ due) and/or an edit. The row is locked, so two
   * people moving the same item one after the other each see the other's change.
   */
  async update(viewer: Viewer, input: UpdateActionItemInput): Promise<ActionItemEntity> {
    const id = input.actionItemId ?? input.id;
    if (!id) throw badInput('ACTION_ITEM_REQUIRED', 'actionItemId を指定してください。', 'Give the actionItemId.');
    return this.tx.run(async (em, emit) => {
      const item = await em.createQueryBuilder(ActionItemEntity, 'a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
      if (!item) throw Errors.notFound(ACTION_ITEM);
      await this.requireManageOrOwner(viewer, item, input, em);
      const before = snapshot(item);
      const current = { status: readActionItemStatus(item.status), progress: item.progress, startDate: item.startDate, dueDate: item.dueDate, statusReason: item.statusReason };
      const roadmapChange = input.status != null || input.progress != null || input.startDate !== undefined || input.dueDate !== undefined || input.reason != null;
      const next = roadmapChange ? roadmapNext(current, input) : null;
      if (input.title != null) item.title = input.title.trim();
      if (input.ownerOrganization !== undefined) item.ownerOrganization = blankToNull(input.ownerOrganization);
      if (input.ownerSector !== undefined) item.ownerSector = input.ownerSector ?? null;
      if (input.kpi !== undefined) item.kpi = blankToNull(input.kpi);
      if (input.kpiId !== undefined) item.kpiId = await this.kpiOfRecord(em, item.recordId, input.kpiId);
      if (next) {
        if (next.status !== current.status) item.statusChangedAt = new Date();
        Object.assign(item, { status: next.status, progress: next.progress, startDate: next.startDate, dueDate: next.dueDate, statusReason: next.statusReason });
      }
      const after = snapshot(item);
      if (JSON.stringify(after) === JSON.stringify(before)) throw toDeliveryError(new DeliveryRuleError('NOTHING_TO_CHANGE', 'the change changes nothing'));
      const saved = await em.save(item);
      await this.audit.record(em, { processId: item.processId, actorId: viewer.participantId, action: 'actionItem.update', targetType: 'action_item', targetId: item.id, data: { before, after, reason: input.reason ?? null } });
      const proposalId = (await em.findOneOrFail(ConsensusRecordEntity, { where: { id: item.recordId }, select: { id: true, proposalId: true } })).proposalId;
      emit({ type: 'actionItem.updated', processId: item.processId, proposalId, actionItemId: item.id });
      return saved;
    });
  }

  /** 'actionItem.manage', or a member of the item's owner sector reporting status/progress only. */
  private async requireManageOrOwner(viewer: Viewer, item: ActionItemEntity, input: UpdateActionItemInput, em: EntityManager): Promise<void> {
    const membership = await this.access.membership(viewer, item.processId, em);
    const reportOnly = Object.entries(input).every(([k, v]) => v === undefined || OWNER_FIELDS.has(k));
    if (membership && reportOnly && item.ownerSector && membership.sector === item.ownerSector && can(membership.role as Role, 'proposal.create')) return;
    await this.access.require(viewer, item.processId, 'actionItem.manage', em);
  }

  /** A KPI id of the record's proposal, or null; anything else is refused. */
  private async kpiOfRecord(em: EntityManager, recordId: string, kpiId: string | null | undefined): Promise<string | null> {
    if (kpiId == null) return null;
    const parsed = parseKpiId(kpiId);
    const record = await em.findOne(ConsensusRecordEntity, { where: { id: recordId }, select: { id: true, proposalId: true } });
    const proposal = parsed && record && parsed.proposalId === record.proposalId ? await em.findOne(ProposalEntity, { where: { id: record.proposalId }, select: { id: true, kpis: true } }) : null;
    if (!parsed || !proposal || parsed.index >= proposal.kpis.length) {
      throw badInput('KPI_NOT_OF_DECISION', '指定した KPI はこの決定の提案のものではありません。', 'The KPI is not one of this decision\'s proposal.', { kpiId });
    }
    return kpiIdOf(proposal.id, parsed.index);
  }
}

/** The roadmap part of a change; null when it changes nothing there (an edit of other fields may still change something). */
function roadmapNext(current: RoadmapItemState, input: UpdateActionItemInput): RoadmapItemState | null {
  try {
    return applyRoadmapChange(current, input);
  } catch (e) {
    if (e instanceof DeliveryRuleError && e.code === 'NOTHING_TO_CHANGE') return null;
    throw toDeliveryError(e);
  }
}

function snapshot(a: Editable): Editable {
  return {
    title: a.title,
    ownerOrganization: a.ownerOrganization,
    ownerSector: a.ownerSector,
    dueDate: a.dueDate,
    kpi: a.kpi,
    status: a.status,
    startDate: a.startDate,
    progress: a.progress,
    statusReason: a.statusReason,
    kpiId: a.kpiId,
  };
}
