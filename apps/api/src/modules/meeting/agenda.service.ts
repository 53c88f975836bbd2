import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, conflict, Errors } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { AgendaItemEntity } from './agenda-item.entity';
import { type AddAgendaItemInput, MAX_AGENDA_ITEMS, type ReorderAgendaInput, type UpdateAgendaItemInput } from './dto/meeting.input';
import { MeetingEntity } from './meeting.entity';
import { AGENDA_ITEM, assertAgendaRefs, lockMeetingForManage, requireStatus, unique } from './meeting-rules';

const EDIT = { ja: '議題を編集', en: 'edit its agenda' };

/**
 * Agenda editing while a meeting is scheduled or live (a facilitator adds an item the hall asks
 * for, or moves one up). Every change locks the meeting row, so positions stay 1..n without gaps.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async add(viewer: Viewer, input: AddAgendaItemInput): Promise<MeetingEntity> {
    return this.tx.run(async (em, emit) => {
      const { meeting } = await lockMeetingForManage(em, this.access, viewer, input.meetingId);
      requireStatus(meeting, ['SCHEDULED', 'LIVE'], EDIT);
      await assertAgendaRefs(em, meeting.processId, [input]);
      const count = await em.count(AgendaItemEntity, { where: { meetingId: meeting.id } });
      if (count >= MAX_AGENDA_ITEMS) {
        throw badInput('AGENDA_FULL', `議題は ${MAX_AGENDA_ITEMS} 件までです。`, `An agenda holds at most ${MAX_AGENDA_ITEMS} items.`);
      }
      const position = Math.min(input.position ?? count + 1, count + 1);
      await em
        .createQueryBuilder()
        .update(AgendaItemEntity)
        .set({ position: () => 'position + 1' })
        .where('meeting_id = :id AND position >= :position', { id: meeting.id, position })
        .execute();
      const item = await em.save(
        em.create(AgendaItemEntity, {
          meetingId: meeting.id,
          position,
          title: input.title.trim(),
          pillarId: input.pillarId ?? null,
          proposalIds: unique(input.proposalIds),
          plannedMinutes: input.plannedMinutes ?? null,
        }),
      );
      await this.touch(em, meeting);
      await this.audit.record(em, { processId: meeting.processId, actorId: viewer.participantId, action: 'agenda.add', targetType: 'agenda_item', targetId: item.id, data: { meetingId: meeting.id, position } });
      emit({ type: 'meeting.state', processId: meeting.processId, meetingId: meeting.id });
      return meeting;
    });
  }

  async update(viewer: Viewer, input: UpdateAgendaItemInput): Promise<MeetingEntity> {
    return this.tx.run(async (em, emit) => {
      const { meeting, item } = await this.lockItem(em, viewer, input.itemId);
      requireStatus(meeting, ['SCHEDULED', 'LIVE'], EDIT);
      await assertAgendaRefs(em, meeting.processId, [input]);
      if (input.title != null) item.title = input.title.trim();
      if (input.pillarId !== undefined) item.pillarId = input.pillarId;
      if (input.proposalIds != null) item.proposalIds = unique(input.proposalIds);
      if (input.plannedMinutes !== undefined) item.plannedMinutes = input.plannedMinutes;
      await em.save(item);
      await this.touch(em, meeting);
      await this.audit.record(em, { processId: meeting.processId, actorId: viewer.participantId, action: 'agenda.update', targetType: 'agenda_item', targetId: item.id, data: { meetingId: meeting.id } });
      emit({ type: 'meeting.state', processId: meeting.processId, meetingId: meeting.id });
      return meeting;
    });
  }

  /** Removes an item that is not being discussed right now; the items after it move up. */
  async remove(viewer: Viewer, itemId: string): Promise<MeetingEntity> {
    return this.tx.run(async (em, emit) => {
      const { meeting, item } = await this.lockItem(em, viewer, itemId);
      requireStatus(meeting, ['SCHEDULED', 'LIVE'], EDIT);
      if (meeting.currentItemId === item.id) {
        throw conflict('AGENDA_ITEM_CURRENT', '現在の議題は削除できません。先に別の議題に進んでください。', 'The current agenda item cannot be removed; move on to another item first.');
      }
      await em.delete(AgendaItemEntity, { id: item.id });
      await em
        .createQueryBuilder()
        .update(AgendaItemEntity)
        .set({ position: () => 'position - 1' })
        .where('meeting_id = :id AND position > :position', { id: meeting.id, position: item.position })
        .execute();
      await this.touch(em, meeting);
      await this.audit.record(em, {
        processId: meeting.processId,
        actorId: viewer.participantId,
        action: 'agenda.remove',
        targetType: 'agenda_item',
        targetId: item.id,
        data: { meetingId: meeting.id, title: item.title, position: item.position },
      });
      emit({ type: 'meeting.state', processId: meeting.processId, meetingId: meeting.id });
      return meeting;
    });
  }

  async reorder(viewer: Viewer, input: ReorderAgendaInput): Promise<MeetingEntity> {
    return this.tx.run(async (em, emit) => {
      const { meeting } = await lockMeetingForManage(em, this.access, viewer, input.meetingId);
      requireStatus(meeting, ['SCHEDULED', 'LIVE'], EDIT);
      const items = await em.find(AgendaItemEntity, { where: { meetingId: meeting.id } });
      const ids = new Set(items.map((i) => i.id));
      const order = input.itemIds.map((id) => id.toLowerCase());
      if (order.length !== ids.size || new Set(order).size !== ids.size || !order.every((id) => ids.has(id))) {
        throw badInput('AGENDA_ORDER_INCOMPLETE', '並べ替えには、この会議の全ての議題を一度ずつ指定してください。', 'List every agenda item of the meeting exactly once to reorder.');
      }
      for (const [i, id] of order.entries()) await em.update(AgendaItemEntity, { id }, { position: i + 1 });
      await this.touch(em, meeting);
      await this.audit.record(em, { processId: meeting.processId, actorId: viewer.participantId, action: 'agenda.reorder', targetType: 'meeting', targetId: meeting.id, data: { order } });
      emit({ type: 'meeting.state', processId: meeting.processId, meetingId: meeting.id });
      return meeting;
    });
  }

  private async lockItem(em: EntityManager, viewer: Viewer, itemId: string): Promise<{ meeting: MeetingEntity; item: AgendaItemEntity }> {
    const found = isUUID(itemId) ? await em.findOne(AgendaItemEntity, { where: { id: itemId } }) : null;
    if (!found) throw Errors.notFound(AGENDA_ITEM);
    const { meeting } = await lockMeetingForManage(em, this.access, viewer, found.meetingId);
    // Re-read under the meeting lock: a concurrent edit may have moved it.
    const item = await em.findOne(AgendaItemEntity, { where: { id: itemId } });
    if (!item) throw Errors.notFound(AGENDA_ITEM);
    return { meeting, item };
  }

  /** Bumps the meeting's updatedAt, so a changed agenda shows as a changed meeting. */
  private async touch(em: EntityManager, meeting: MeetingEntity): Promise<void> {
    await em.update(MeetingEntity, { id: meeting.id }, { updatedAt: new Date() });
  }
}
