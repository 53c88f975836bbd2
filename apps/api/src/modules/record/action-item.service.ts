import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { Errors } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { ActionItemEntity } from './action-item.entity';
import { ConsensusRecordEntity } from './consensus-record.entity';
import type { AddActionItemInput, UpdateActionItemInput } from './dto/record.input';

const RECORD = { ja: '合意記録', en: 'The consensus record' };
const ACTION_ITEM = { ja: 'アクション項目', en: 'The action item' };

type Editable = Pick<ActionItemEntity, 'title' | 'ownerOrganization' | 'ownerSector' | 'dueDate' | 'kpi' | 'status'>;

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
    return this.tx.run(async (em) => {
      const record = await em.findOne(ConsensusRecordEntity, { where: { id: input.recordId }, select: { id: true, processId: true } });
      if (!record) throw Errors.notFound(RECORD);
      await this.access.require(viewer, record.processId, 'actionItem.manage', em);
      const item = await em.save(
        em.create(ActionItemEntity, {
          recordId: record.id,
          processId: record.processId,
          title: input.title.trim(),
          ownerOrganization: blankToNull(input.ownerOrganization),
          ownerSector: input.ownerSector ?? null,
          dueDate: input.dueDate ?? null,
          kpi: blankToNull(input.kpi),
          status: 'OPEN',
          createdById: viewer.participantId,
        }),
      );
      await this.audit.record(em, { processId: record.processId, actorId: viewer.participantId, action: 'actionItem.add', targetType: 'action_item', targetId: item.id, data: { recordId: record.id, after: snapshot(item) } });
      return item;
    });
  }

  async update(viewer: Viewer, input: UpdateActionItemInput): Promise<ActionItemEntity> {
    return this.tx.run(async (em) => {
      const item = await em.createQueryBuilder(ActionItemEntity, 'a').setLock('pessimistic_write').where('a.id = :id', { id: input.id }).getOne();
      if (!item) throw Errors.notFound(ACTION_ITEM);
      await this.access.require(viewer, item.processId, 'actionItem.manage', em);
      const before = snapshot(item);
      if (input.title != null) item.title = input.title.trim();
      if (input.status != null) item.status = input.status;
      if (input.ownerOrganization !== undefined) item.ownerOrganization = blankToNull(input.ownerOrganization);
      if (input.ownerSector !== undefined) item.ownerSector = input.ownerSector ?? null;
      if (input.dueDate !== undefined) item.dueDate = input.dueDate ?? null;
      if (input.kpi !== undefined) item.kpi = blankToNull(input.kpi);
      const saved = await em.save(item);
      await this.audit.record(em, { processId: item.processId, actorId: viewer.participantId, action: 'actionItem.update', targetType: 'action_item', targetId: item.id, data: { before, after: snapshot(saved) } });
      return saved;
    });
  }
}

function snapshot(a: Editable): Editable {
  return { title: a.title, ownerOrganization: a.ownerOrganization, ownerSector: a.ownerSector, dueDate: a.dueDate, kpi: a.kpi, status: a.status };
}
