import { isUUID } from 'class-validator';
import { EntityManager, In } from 'typeorm';
import type { Access, AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { badInput, conflict, Errors } from '../../common/errors/domain-error';
import { PillarEntity } from '../process/pillar.entity';
import { ProposalEntity } from '../proposal/proposal.entity';
import { MeetingEntity } from './meeting.entity';

export const MEETING = { ja: '会議', en: 'The meeting' };
export const AGENDA_ITEM = { ja: '議題', en: 'The agenda item' };

const STATUS_JA: Record<MeetingEntity['status'], string> = { SCHEDULED: '開催前', LIVE: '開催中', ENDED: '終了済み' };

/**
 * Checks 'meeting.manage' on the meeting's process, then locks the meeting row, so that changes of
 * one meeting (and joins, which take a share lock) serialise. Unknown ids and meetings of processes
 * the viewer does not belong to are NOT_FOUND.
 */
export async function lockMeetingForManage(em: EntityManager, access: AccessService, viewer: Viewer, meetingId: string): Promise<{ meeting: MeetingEntity; access: Access }> {
  if (!isUUID(meetingId)) throw Errors.notFound(MEETING);
  const found = await em.findOne(MeetingEntity, { where: { id: meetingId }, select: { id: true, processId: true } });
  if (!found) throw Errors.notFound(MEETING);
  const granted = await access.require(viewer, found.processId, 'meeting.manage', em);
  const meeting = await em.createQueryBuilder(MeetingEntity, 'm').setLock('pessimistic_write').where('m.id = :id', { id: meetingId }).getOneOrFail();
  return { meeting, access: granted };
}

/** A meeting in one of the given states, else CONFLICT with the state it is in. */
export function requireStatus(meeting: MeetingEntity, allowed: ReadonlyArray<MeetingEntity['status']>, action: { ja: string; en: string }): void {
  if (allowed.includes(meeting.status)) return;
  const reason = meeting.status === 'ENDED' ? 'MEETING_ENDED' : meeting.status === 'LIVE' ? 'MEETING_ALREADY_LIVE' : 'MEETING_NOT_LIVE';
  throw conflict(
    reason,
    `この会議は${STATUS_JA[meeting.status]}のため、${action.ja}できません。`,
    `The meeting is ${meeting.status.toLowerCase()}, so you cannot ${action.en}.`,
    { status: meeting.status },
  );
}

/** Order-preserving de-duplication (a proposal listed twice under one item is listed once). */
export function unique(ids: ReadonlyArray<string> | null | undefined): string[] {
  return [...new Set((ids ?? []).map((id) => id.toLowerCase()))];
}

/** Every pillar and proposal an agenda refers to must belong to the meeting's process. */
export async function assertAgendaRefs(em: EntityManager, processId: string, items: ReadonlyArray<{ pillarId?: string | null; proposalIds?: ReadonlyArray<string> | null }>): Promise<void> {
  const pillarIds = unique(items.map((i) => i.pillarId).filter((id): id is string => !!id));
  if (pillarIds.length) {
    const found = await em.count(PillarEntity, { where: { id: In(pillarIds), processId } });
    if (found !== pillarIds.length) {
      throw badInput('PILLAR_NOT_IN_PROCESS', '指定された柱はこの協議プロセスにありません。', 'A pillar of the agenda does not belong to this process.');
    }
  }
  const proposalIds = unique(items.flatMap((i) => i.proposalIds ?? []));
  if (proposalIds.length) {
    const found = await em.count(ProposalEntity, { where: { id: In(proposalIds), processId } });
    if (found !== proposalIds.length) {
      throw badInput('PROPOSAL_NOT_IN_PROCESS', '指定された提案はこの協議プロセスにありません。', 'A proposal of the agenda does not belong to this process.');
    }
  }
}
