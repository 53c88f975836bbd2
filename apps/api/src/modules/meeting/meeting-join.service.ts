import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeJoinCode, type Sector } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, conflict, type Lang, notFound, rateLimited } from '../../common/errors/domain-error';
import { clientAddressKey, type FailurePolicy, FailureRateLimiter } from '../../common/rate-limit/failure-rate-limiter';
import { AuditService } from '../audit/audit.service';
import { ParticipantEntity } from '../participant/participant.entity';
import { isUniqueViolation } from '../proposal/proposal.mapper';
import { MembershipEntity } from '../process/membership.entity';
import type { JoinMeetingInput } from './dto/meeting.input';
import { MeetingEntity } from './meeting.entity';

/**
 * Wrong join codes per client address: 30 within 10 minutes lock the address until the oldest of
 * them is 10 minutes old. Right codes are never counted, so a hall behind one NAT address joins
 * freely. 30 (not fewer) leaves room for typos in a hall of hundreds; guessing one of 29^6 codes at
 * 30 per 10 minutes would take millennia.
 */
export const JOIN_CODE_POLICY: FailurePolicy = { name: 'join-code', limit: 30, windowMs: 10 * 60_000 };

export interface MeetingPreview {
  meeting: MeetingEntity;
  processTitle: string;
}

const unknownCode = () =>
  notFound('JOIN_CODE_UNKNOWN', '参加コードが見つかりません。会場の画面のコードをご確認ください。', 'This join code was not found. Please check the code shown at the venue.');

/** Joining a live meeting with its code: the public preview, and guests or members signing in by code. */
@Injectable()
export class MeetingJoinService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly limiter: FailureRateLimiter,
  ) {}

  /** Public (no sign-in): what the code opens. Counts as a guess like a join. */
  async preview(code: string, clientIp: string | undefined): Promise<MeetingPreview> {
    const normalized = await this.admit(code, clientIp);
    const [row] = await this.dataSource.query<{ id: string; process_title: string }[]>(
      `SELECT m.id, p.title AS process_title FROM meeting m JOIN process p ON p.id = m.process_id WHERE m.join_code = $1 AND m.status = 'LIVE'`,
      [normalized],
    );
    if (!row) throw await this.wrongCode(clientIp);
    const meeting = await this.dataSource.manager.findOneByOrFail(MeetingEntity, { id: row.id });
    return { meeting, processTitle: row.process_title };
  }

  /**
   * Records attendance and returns who is now signed in: the caller's own account or guest identity
   * when it already belongs to the process (no duplicate guest), else a new guest scoped to the
   * process with a PARTICIPANT membership. An account that is not a member yet becomes one.
   */
  async join(viewer: Viewer | null, input: JoinMeetingInput, clientIp: string | undefined, lang: Lang): Promise<ParticipantEntity> {
    const normalized = await this.admit(input.code, clientIp);
    const requestId = input.clientRequestId ?? null;
    let joined: ParticipantEntity | null;
    try {
      joined = await this.joinOnce(viewer, input, normalized, lang, requestId);
    } catch (e) {
      // Two concurrent retries of one join both created a guest; the unique index kept one: use it.
      if (!requestId || !isUniqueViolation(e, 'uq_attendance_client_request')) throw e;
      joined = await this.retried(this.dataSource.manager, normalized, requestId, input);
    }
    if (!joined) throw await this.wrongCode(clientIp);
    return joined;
  }

  private joinOnce(viewer: Viewer | null, input: JoinMeetingInput, code: string, lang: Lang, requestId: string | null): Promise<ParticipantEntity | null> {
    return this.tx.run(async (em, emit) => {
      // FOR SHARE: joins run side by side, but never while endMeeting (FOR UPDATE) retires the code.
      const [meeting] = await em.query<{ id: string; process_id: string }[]>(`SELECT id, process_id FROM meeting WHERE join_code = $1 AND status = 'LIVE' FOR SHARE`, [code]);
      if (!meeting) return null;
      if (requestId) {
        const retried = await this.retried(em, code, requestId, input);
        if (retried) return retried; // a retry after a lost answer: the guest it created, nothing new
      }
      const processId = meeting.process_id;
      const { participant, created } = await this.identity(em, viewer, processId, input, lang);
      const membership = await em.findOneByOrFail(MembershipEntity, { processId, participantId: participant.id });
      const inserted = await em.query<{ id: string }[]>(
        `INSERT INTO attendance (meeting_id, participant_id, sector, client_request_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (meeting_id, participant_id) DO NOTHING RETURNING id`,
        // Only a new guest is found again by its request id; members are found by who they are.
        [meeting.id, participant.id, membership.sector, created ? requestId : null],
      );
      const firstTime = inserted.length > 0;
      await this.audit.record(em, {
        processId,
        actorId: participant.id,
        action: 'meeting.join',
        targetType: 'meeting',
        targetId: meeting.id,
        data: { guest: participant.kind === 'GUEST', sector: membership.sector, firstTime },
      });
      if (firstTime) emit({ type: 'meeting.state', processId, meetingId: meeting.id });
      return participant;
    });
  }

  /** The guest an earlier attempt of this join created, if any (same request id, same name). */
  private async retried(em: EntityManager, code: string, requestId: string, input: JoinMeetingInput): Promise<ParticipantEntity | null> {
    const [row] = await em.query<{ participant_id: string }[]>(
      `SELECT a.participant_id FROM attendance a JOIN meeting m ON m.id = a.meeting_id
        WHERE m.join_code = $1 AND m.status = 'LIVE' AND a.client_request_id = $2`,
      [code, requestId],
    );
    if (!row) return null;
    const guest = await em.findOneByOrFail(ParticipantEntity, { id: row.participant_id });
    if (guest.displayName !== input.displayName.trim()) {
      throw conflict('CLIENT_REQUEST_ID_REUSED', 'この clientRequestId は別の参加に使われています。', 'This clientRequestId was already used for another join.');
    }
    return guest;
  }

  private async identity(em: EntityManager, viewer: Viewer | null, processId: string, input: JoinMeetingInput, lang: Lang): Promise<{ participant: ParticipantEntity; created: boolean }> {
    const own = viewer && (viewer.kind === 'ACCOUNT' || viewer.scopeProcessId === processId) ? await em.findOneBy(ParticipantEntity, { id: viewer.participantId }) : null;
    if (own) {
      const member = await em.existsBy(MembershipEntity, { processId, participantId: own.id });
      if (member) return { participant: own, created: false };
      if (own.kind === 'ACCOUNT') {
        await this.addParticipantMembership(em, processId, own.id, input.sector, input.organization?.trim() || own.organization);
        return { participant: own, created: false };
      }
    }
    const guest = await em.save(
      em.create(ParticipantEntity, {
        kind: 'GUEST',
        email: null,
        emailLower: null,
        passwordHash: null,
        displayName: input.displayName.trim(),
        organization: input.organization?.trim() || null,
        guestProcessId: processId,
        locale: lang,
      }),
    );
    await this.addParticipantMembership(em, processId, guest.id, input.sector, guest.organization);
    return { participant: guest, created: true };
  }

  private async addParticipantMembership(em: EntityManager, processId: string, participantId: string, sector: Sector, organization: string | null): Promise<void> {
    // ON CONFLICT DO NOTHING: two taps on "join" by one account must not fail on the unique index.
    await em.createQueryBuilder().insert().into(MembershipEntity).values({ processId, participantId, role: 'PARTICIPANT', sector, organization }).orIgnore().execute();
  }

  /** Refuses a locked address before looking anything up, and a code that cannot be one. */
  private async admit(code: string, clientIp: string | undefined): Promise<string> {
    const state = await this.limiter.check(JOIN_CODE_POLICY, clientAddressKey(clientIp));
    if (state.locked) {
      const minutes = Math.max(1, Math.ceil(state.retryAfterMs / 60_000));
      throw rateLimited(
        'JOIN_CODE_LOCKED',
        `参加コードの入力誤りが続いたため、このネットワークからの参加を一時停止しています。約${minutes}分後にもう一度お試しください。`,
        `Too many wrong join codes from this network. Please try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { retryAfterSeconds: Math.ceil(state.retryAfterMs / 1000) },
      );
    }
    const normalized = normalizeJoinCode(code);
    if (!normalized) {
      throw badInput('JOIN_CODE_INVALID', '参加コードは英数字6文字です（例: ABC 234）。会場の画面のコードをご確認ください。', 'A join code has 6 letters and digits (e.g. ABC 234). Please check the code shown at the venue.');
    }
    return normalized;
  }

  private async wrongCode(clientIp: string | undefined) {
    await this.limiter.recordFailure(JOIN_CODE_POLICY, clientAddressKey(clientIp));
    return unknownCode();
  }
}
