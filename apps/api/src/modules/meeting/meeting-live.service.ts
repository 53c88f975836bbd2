import { Injectable } from '@nestjs/common';
import { canTransitionMeeting, generateJoinCode } from '@yoriai/domain';
import { isUUID } from 'class-validator';
import { randomBytes, randomInt } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { Errors } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { MinutesEntity } from '../minutes/minutes.entity';
import { AgendaItemEntity } from './agenda-item.entity';
import { AttendanceEntity } from './attendance.entity';
import { MeetingEntity } from './meeting.entity';
import { AGENDA_ITEM, lockMeetingForManage, requireStatus } from './meeting-rules';

/** Attempts at a join code unique among live meetings (29^6 codes: a second collision is all but impossible). */
const JOIN_CODE_ATTEMPTS = 8;

function isJoinCodeCollision(e: unknown): boolean {
  const driverError = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === 'uq_meeting_join_code';
}

/** The live phase of a meeting: start (join code), current item, timer, end (code retired, minutes draft). */
@Injectable()
export class MeetingLiveService {
  /** Draws a candidate join code; a field so that a test can force a collision with a live meeting's code. */
  drawJoinCode: () => string = () => generateJoinCode((n) => randomInt(n));

  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** SCHEDULED → LIVE with a fresh join code. */
  async start(viewer: Viewer, meetingId: string): Promise<MeetingEntity> {
    return this.change(viewer, meetingId, 'meeting.start', async (em, meeting) => {
      if (!canTransitionMeeting(meeting.status, 'LIVE')) requireStatus(meeting, ['SCHEDULED'], { ja: '開始', en: 'start it' });
      meeting.status = 'LIVE';
      meeting.startedAt = new Date();
      meeting.facilitatorId = viewer.participantId;
      meeting.joinCode = await this.assignJoinCode(em, meeting.id);
      // The QR code's second factor (128 bits): joins that carry it are never throttled.
      meeting.joinToken = randomBytes(16).toString('base64url');
      return { joinCodeIssued: true };
    });
  }

  async setCurrentItem(viewer: Viewer, meetingId: string, itemId: string): Promise<MeetingEntity> {
    return this.change(viewer, meetingId, 'meeting.setCurrentItem', async (em, meeting) => {
      requireStatus(meeting, ['LIVE'], { ja: '議題を進行', en: 'move through its agenda' });
      const item = isUUID(itemId) ? await em.findOne(AgendaItemEntity, { where: { id: itemId, meetingId: meeting.id } }) : null;
      if (!item) throw Errors.notFound(AGENDA_ITEM);
      const from = meeting.currentItemId;
      meeting.currentItemId = item.id;
      // A timer belongs to the discussion of one item: moving on stops it.
      if (from !== item.id) meeting.timerEndsAt = null;
      return { from, to: item.id };
    });
  }

  async startTimer(viewer: Viewer, meetingId: string, minutes: number): Promise<MeetingEntity> {
    return this.change(viewer, meetingId, 'meeting.startTimer', async (_em, meeting) => {
      requireStatus(meeting, ['LIVE'], { ja: 'タイマーを開始', en: 'start a timer' });
      meeting.timerEndsAt = new Date(Date.now() + minutes * 60_000);
      return { minutes, endsAt: meeting.timerEndsAt.toISOString() };
    });
  }

  async stopTimer(viewer: Viewer, meetingId: string): Promise<MeetingEntity> {
    return this.change(viewer, meetingId, 'meeting.stopTimer', async (_em, meeting) => {
      requireStatus(meeting, ['LIVE'], { ja: 'タイマーを停止', en: 'stop a timer' });
      meeting.timerEndsAt = null;
      return {};
    });
  }

  /**
   * LIVE → ENDED: the join code is retired (set to null, so it can never admit anyone again and may be
   * reissued to another meeting), attendance is frozen (joins need a live code), and the minutes
   * draft is created — all in one transaction.
   */
  async end(viewer: Viewer, meetingId: string): Promise<MeetingEntity> {
    return this.change(viewer, meetingId, 'meeting.end', async (em, meeting) => {
      if (!canTransitionMeeting(meeting.status, 'ENDED')) requireStatus(meeting, ['LIVE'], { ja: '終了', en: 'end it' });
      const retiredCode = meeting.joinCode;
      meeting.status = 'ENDED';
      meeting.endedAt = new Date();
      meeting.joinCode = null;
      meeting.joinToken = null;
      meeting.timerEndsAt = null;
      await em.createQueryBuilder().insert().into(MinutesEntity).values({ meetingId: meeting.id, status: 'DRAFT', summary: '' }).orIgnore().execute();
      const attendees = await em.count(AttendanceEntity, { where: { meetingId: meeting.id } });
      return { retiredCode, attendees };
    });
  }

  /** Lock, check, change, save, audit and announce one live-phase change in one transaction. */
  private change(
    viewer: Viewer,
    meetingId: string,
    action: string,
    apply: (em: EntityManager, meeting: MeetingEntity) => Promise<Record<string, unknown>>,
  ): Promise<MeetingEntity> {
    return this.tx.run(async (em, emit) => {
      const { meeting } = await lockMeetingForManage(em, this.access, viewer, meetingId);
      const data = await apply(em, meeting);
      const saved = await em.save(meeting);
      await this.audit.record(em, { processId: meeting.processId, actorId: viewer.participantId, action, targetType: 'meeting', targetId: meeting.id, data: { ...data, status: saved.status } });
      emit({ type: 'meeting.state', processId: meeting.processId, meetingId: meeting.id });
      return saved;
    });
  }

  /**
   * Sets a random code (libs/domain alphabet, crypto.randomInt) that no other live meeting holds. The
   * partial unique index decides; a collision rolls back to a savepoint and draws again.
   */
  private async assignJoinCode(em: EntityManager, meetingId: string): Promise<string> {
    for (let attempt = 1; attempt <= JOIN_CODE_ATTEMPTS; attempt++) {
      const code = this.drawJoinCode();
      await em.query('SAVEPOINT join_code');
      try {
        await em.query('UPDATE meeting SET join_code = $1 WHERE id = $2', [code, meetingId]);
        await em.query('RELEASE SAVEPOINT join_code');
        return code;
      } catch (e) {
        await em.query('ROLLBACK TO SAVEPOINT join_code');
        if (!isJoinCodeCollision(e)) throw e;
      }
    }
    throw new Error(`no free join code after ${JOIN_CODE_ATTEMPTS} attempts`);
  }
}
