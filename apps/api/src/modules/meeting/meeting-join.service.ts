import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normalizeJoinCode, type Sector } from '@yoriai/domain';
import { timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Device } from '../../common/auth/device.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { badInput, Errors, forbidden, type Lang, notFound, rateLimited } from '../../common/errors/domain-error';
import { clientAddressKey, type FailurePolicy, FailureRateLimiter } from '../../common/rate-limit/failure-rate-limiter';
import { AuditService } from '../audit/audit.service';
import { ParticipantEntity } from '../participant/participant.entity';
import { isUniqueViolation } from '../proposal/proposal.mapper';
import { MembershipEntity } from '../process/membership.entity';
import type { AdmissionStatus } from './admission-request.entity';
import type { JoinMeetingInput } from './dto/meeting.input';
import { MeetingEntity } from './meeting.entity';

/**
 * Wrong join codes are counted per device first (finding 6): one attendee mistyping locks out only
 * their own browser, after 10 wrong codes in 10 minutes.
 */
export const JOIN_CODE_DEVICE_POLICY: FailurePolicy = { name: 'join-code-device', limit: 10, windowMs: 10 * 60_000 };
/**
 * Then per client address, generously: a hall of hundreds behind one NAT address makes typos, and a
 * device that has joined with a right code before passes an address lock anyway. Cookie-less guessing
 * at 1,000 per 10 minutes would need about 5,600 years to cover half of the 29^6 codes.
 */
export const JOIN_CODE_POLICY: FailurePolicy = { name: 'join-code', limit: 1000, windowMs: 10 * 60_000 };

export interface MeetingPreview {
  meeting: MeetingEntity;
  processTitle: string;
}

export interface Joined {
  participant: ParticipantEntity;
  /** ADMITTED, or PENDING at the door of a CODE_WITH_APPROVAL meeting. */
  admission: AdmissionStatus;
}

/** Where a join comes from: the client address and its signed device cookie. */
export interface JoinOrigin {
  ip: string | undefined;
  device: Device;
}

const unknownCode = () =>
  notFound('JOIN_CODE_UNKNOWN', '参加コードが見つかりません。会場の画面のコードをご確認ください。', 'This join code was not found. Please check the code shown at the venue.');
const membersOnly = () =>
  forbidden('MEETING_MEMBERS_ONLY', 'この会議はメンバー限定です。招待されたアカウントでログインしてください。', 'This meeting is for members only. Please sign in with the account you were invited with.');
const deviceGuestLimit = (limit: number) =>
  forbidden(
    'DEVICE_GUEST_LIMIT',
    `この端末から参加できるのは${limit}人までです。別の端末で参加してください。`,
    `At most ${limit} ${limit === 1 ? 'person' : 'people'} may join from one device. Please join from another device.`,
    { limit },
  );

interface LiveMeeting {
  id: string;
  process_id: string;
  admission: MeetingEntity['admission'];
  guests_per_device: number;
  join_token: string | null;
}

/**
 * Joining a live meeting with its code (docs/security.md, findings 1 and 6): the public preview, and
 * guests or members signing in by code. Who may join is the meeting's admission mode; a guest is bound
 * to the device that joined, so joining again is the same guest with the same one vote.
 */
@Injectable()
export class MeetingJoinService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly limiter: FailureRateLimiter,
    private readonly access: AccessService,
  ) {}

  /** Public (no sign-in): what the code opens. Counts as a guess like a join. */
  async preview(code: string, origin: JoinOrigin, joinToken?: string | null): Promise<MeetingPreview> {
    const normalized = await this.admit(code, origin, joinToken);
    const [row] = await this.dataSource.query<{ id: string; process_title: string; join_token: string | null }[]>(
      `SELECT m.id, m.join_token, p.title AS process_title FROM meeting m JOIN process p ON p.id = m.process_id WHERE m.join_code = $1 AND m.status = 'LIVE'`,
      [normalized],
    );
    if (!row) throw await this.wrongCode(origin);
    const meeting = await this.dataSource.manager.findOneByOrFail(MeetingEntity, { id: row.id });
    return { meeting, processTitle: row.process_title };
  }

  /**
   * Records attendance and returns who is now signed in: the caller's own account (role kept), the
   * guest this device joined as before, or a new guest of the process bound to this device.
   */
  async join(viewer: Viewer | null, input: JoinMeetingInput, origin: JoinOrigin, lang: Lang): Promise<Joined> {
    const normalized = await this.admit(input.code, origin, input.joinToken);
    const requestId = input.clientRequestId ?? null;
    let joined: Joined | null;
    try {
      joined = await this.joinOnce(viewer, input, normalized, origin.device, lang, requestId);
    } catch (e) {
      // Two concurrent retries of one join both created a guest; the unique index kept one: use it.
      if (!requestId || !isUniqueViolation(e, 'uq_attendance_client_request')) throw e;
      joined = await this.retried(this.dataSource.manager, normalized, requestId, input);
    }
    if (!joined) throw await this.wrongCode(origin);
    return joined;
  }

  private joinOnce(viewer: Viewer | null, input: JoinMeetingInput, code: string, device: Device, lang: Lang, requestId: string | null): Promise<Joined | null> {
    return this.tx.run(async (em, emit) => {
      // FOR SHARE: joins run side by side, but never while endMeeting (FOR UPDATE) retires the code.
      const [meeting] = await em.query<LiveMeeting[]>(
        `SELECT id, process_id, admission, guests_per_device, join_token FROM meeting WHERE join_code = $1 AND status = 'LIVE' FOR SHARE`,
        [code],
      );
      if (!meeting) return null;
      if (requestId) {
        const retried = await this.retried(em, code, requestId, input);
        if (retried) return retried; // a retry after a lost answer: the guest it created, nothing new
      }
      const processId = meeting.process_id;
      const { participant, created } = await this.identity(em, viewer, meeting, input, device, lang);

      const membership = await em.findOneBy(MembershipEntity, { processId, participantId: participant.id });
      if (!membership) {
        // Only CODE_WITH_APPROVAL gets here: the newcomer waits at the door (no membership, no attendance).
        const inserted = await em.query<{ id: string }[]>(
          `INSERT INTO admission_request (meeting_id, process_id, participant_id, sector, organization) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (meeting_id, participant_id) DO NOTHING RETURNING id`,
          [meeting.id, processId, participant.id, input.sector, input.organization?.trim() || participant.organization],
        );
        if (inserted.length) {
          await this.audit.record(em, {
            processId,
            actorId: participant.id,
            action: 'meeting.admission.request',
            targetType: 'meeting',
            targetId: meeting.id,
            data: { guest: participant.kind === 'GUEST', sector: input.sector },
          });
          emit({ type: 'admission.changed', processId, meetingId: meeting.id, participantId: participant.id, status: 'PENDING' });
          // The facilitator's console re-reads its door list on meeting.state: without it the newcomer
          // would wait unseen until some other change of the meeting happened to be announced.
          emit({ type: 'meeting.state', processId, meetingId: meeting.id });
        }
        return { participant, admission: 'PENDING' };
      }
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
        data: { guest: participant.kind === 'GUEST', sector: membership.sector, role: membership.role, firstTime },
      });
      if (firstTime) emit({ type: 'meeting.state', processId, meetingId: meeting.id });
      return { participant, admission: 'ADMITTED' };
    });
  }

  /** The guest an earlier attempt of this join created, if any (same request id, same name). */
  private async retried(em: EntityManager, code: string, requestId: string, input: JoinMeetingInput): Promise<Joined | null> {
    const [row] = await em.query<{ participant_id: string }[]>(
      `SELECT a.participant_id FROM attendance a JOIN meeting m ON m.id = a.meeting_id
        WHERE m.join_code = $1 AND m.status = 'LIVE' AND a.client_request_id = $2`,
      [code, requestId],
    );
    if (!row) return null;
    const guest = await em.findOneByOrFail(ParticipantEntity, { id: row.participant_id });
    if (guest.displayName !== input.displayName.trim()) throw Errors.clientRequestIdReused({ ja: '別の参加', en: 'another join' });
    return { participant: guest, admission: 'ADMITTED' };
  }

  /**
   * Who joins. A signed-in member stays who they are (role and sector kept); someone removed, denied
   * or waiting is refused or kept waiting; an account that is not a member becomes a PARTICIPANT (CODE)
   * or asks at the door (CODE_WITH_APPROVAL). Without a usable session the device decides: the guest
   * it joined as before, or — only when `anotherPerson` asks for it and the device's cap allows — a
   * new guest bound to it.
   */
  private async identity(em: EntityManager, viewer: Viewer | null, meeting: LiveMeeting, input: JoinMeetingInput, device: Device, lang: Lang): Promise<{ participant: ParticipantEntity; created: boolean }> {
    const processId = meeting.process_id;
    const own = viewer && (viewer.kind === 'ACCOUNT' || viewer.scopeProcessId === processId) ? await em.findOneBy(ParticipantEntity, { id: viewer.participantId }) : null;
    if (own && !input.anotherPerson) {
      await this.refuseIfBarred(em, own.id, processId);
      if (await em.existsBy(MembershipEntity, { processId, participantId: own.id })) return { participant: own, created: false };
      if (own.kind === 'ACCOUNT') {
        if (meeting.admission === 'MEMBERS_ONLY') throw membersOnly();
        if (meeting.admission === 'CODE') await this.addParticipantMembership(em, processId, own.id, input.sector, input.organization?.trim() || own.organization);
        return { participant: own, created: false };
      }
    }
    if (meeting.admission === 'MEMBERS_ONLY') throw membersOnly();

    // One device at a time: two taps on "join" must not make two guests.
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`device:${processId}:${device.id}`]);
    const mine = await em.find(ParticipantEntity, { where: { guestProcessId: processId, deviceId: device.id }, order: { createdAt: 'ASC' } });
    if (mine.length && !input.anotherPerson) {
      const name = input.displayName.trim();
      const again = mine.find((g) => g.displayName === name) ?? (mine[0] as ParticipantEntity);
      await this.refuseIfBarred(em, again.id, processId);
      return { participant: again, created: false };
    }
    // A device one of whose guests was removed (or denied) brings no one else in.
    for (const g of mine) await this.refuseIfBarred(em, g.id, processId);
    if (mine.length >= meeting.guests_per_device) throw deviceGuestLimit(meeting.guests_per_device);

    const guest = await em.save(
      em.create(ParticipantEntity, {
        kind: 'GUEST',
        email: null,
        emailLower: null,
        passwordHash: null,
        displayName: input.displayName.trim(),
        organization: input.organization?.trim() || null,
        guestProcessId: processId,
        deviceId: device.id,
        locale: lang,
      }),
    );
    if (meeting.admission === 'CODE') await this.addParticipantMembership(em, processId, guest.id, input.sector, guest.organization);
    return { participant: guest, created: true };
  }

  /** Removed (and denied) people are refused on every path; a waiting one keeps waiting (no error). */
  private async refuseIfBarred(em: EntityManager, participantId: string, processId: string): Promise<void> {
    const refusal = await this.access.refusal(participantId, processId, em);
    if (refusal && refusal.code !== 'ADMISSION_PENDING') throw refusal;
  }

  private async addParticipantMembership(em: EntityManager, processId: string, participantId: string, sector: Sector, organization: string | null): Promise<void> {
    // ON CONFLICT DO NOTHING: two taps on "join" by one account must not fail on the unique index.
    await em.createQueryBuilder().insert().into(MembershipEntity).values({ processId, participantId, role: 'PARTICIPANT', sector, organization }).orIgnore().execute();
  }

  /**
   * The QR code's token opens the door without any throttle; otherwise a locked device, then a locked
   * address (unless this device has joined with a right code before), is refused before any lookup.
   */
  private async admit(code: string, origin: JoinOrigin, joinToken: string | null | undefined): Promise<string> {
    const normalized = normalizeJoinCode(code);
    if (normalized && joinToken && (await this.tokenMatches(normalized, joinToken))) return normalized;
    const byDevice = await this.limiter.check(JOIN_CODE_DEVICE_POLICY, `device:${origin.device.id}`);
    const byAddress = byDevice.locked || origin.device.trusted ? byDevice : await this.limiter.check(JOIN_CODE_POLICY, clientAddressKey(origin.ip));
    if (byDevice.locked || byAddress.locked) {
      const retryAfterMs = Math.max(byDevice.retryAfterMs, byAddress.retryAfterMs);
      const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
      throw rateLimited(
        'JOIN_CODE_LOCKED',
        `参加コードの入力誤りが続いたため、この端末からの参加を一時停止しています。約${minutes}分後にもう一度お試しいただくか、会場のQRコードを読み取ってください。`,
        `Too many wrong join codes from this device. Please try again in about ${minutes} minute${minutes === 1 ? '' : 's'}, or scan the QR code at the venue.`,
        { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) },
      );
    }
    if (!normalized) {
      throw badInput('JOIN_CODE_INVALID', '参加コードは英数字6文字です（例: ABC 234）。会場の画面のコードをご確認ください。', 'A join code has 6 letters and digits (e.g. ABC 234). Please check the code shown at the venue.');
    }
    return normalized;
  }

  private async tokenMatches(code: string, joinToken: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ join_token: string | null }[]>(`SELECT join_token FROM meeting WHERE join_code = $1 AND status = 'LIVE'`, [code]);
    if (!row?.join_token || row.join_token.length !== joinToken.length) return false;
    return timingSafeEqual(Buffer.from(row.join_token), Buffer.from(joinToken));
  }

  private async wrongCode(origin: JoinOrigin) {
    await Promise.all([
      this.limiter.recordFailure(JOIN_CODE_DEVICE_POLICY, `device:${origin.device.id}`),
      this.limiter.recordFailure(JOIN_CODE_POLICY, clientAddressKey(origin.ip)),
    ]);
    return unknownCode();
  }
}
