import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Admission, Sector } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { conflict, notFound } from '../../common/errors/domain-error';
import { InvalidationBus } from '../../common/redis/invalidation-bus';
import { INVALIDATE } from '../../common/redis/invalidation-topics';
import { AuditService } from '../audit/audit.service';
import { MembershipEntity } from '../process/membership.entity';
import { AdmissionRequestEntity, type AdmissionStatus } from './admission-request.entity';
import type { GuestAdmissionArgs, SetMeetingAdmissionArgs } from './dto/meeting.input';
import { lockMeetingForManage, requireStatus } from './meeting-rules';
import type { MeetingEntity } from './meeting.entity';

/** Someone at the door, as the console lists them (Attendance with admission PENDING or DENIED). */
export interface DoorRow {
  participantId: string;
  displayName: string;
  organization: string | null;
  sector: Sector;
  guest: boolean;
  joinedAt: Date;
  admission: AdmissionStatus;
}

const requestMissing = () =>
  notFound('ADMISSION_REQUEST_NOT_FOUND', 'この方の参加申請は見つかりません。', 'No request to join from this person was found.');

/**
 * The door of a meeting (finding 1): the facilitator's admission mode and cap of guests per device,
 * and admitting or denying the newcomers of a CODE_WITH_APPROVAL meeting in one tap.
 */
@Injectable()
export class MeetingAdmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly invalidation: InvalidationBus,
  ) {}

  async setAdmission(viewer: Viewer, args: SetMeetingAdmissionArgs): Promise<MeetingEntity> {
    return this.tx.run(async (em, emit) => {
      const { meeting } = await lockMeetingForManage(em, this.access, viewer, args.meetingId);
      requireStatus(meeting, ['SCHEDULED', 'LIVE'], { ja: '参加方法を変更', en: 'change who may join' });
      const before = { admission: meeting.admission, guestsPerDevice: meeting.guestsPerDevice };
      meeting.admission = args.admission as Admission;
      if (args.guestsPerDevice != null) meeting.guestsPerDevice = args.guestsPerDevice;
      const saved = await em.save(meeting);
      await this.audit.record(em, {
        processId: meeting.processId,
        actorId: viewer.participantId,
        action: 'meeting.admission.set',
        targetType: 'meeting',
        targetId: meeting.id,
        data: { before, after: { admission: saved.admission, guestsPerDevice: saved.guestsPerDevice } },
      });
      emit({ type: 'meeting.state', processId: meeting.processId, meetingId: meeting.id });
      return saved;
    });
  }

  /** Admits a waiting (or earlier denied) newcomer: a PARTICIPANT membership in the sector they gave, and attendance. */
  async admit(viewer: Viewer, args: GuestAdmissionArgs): Promise<DoorRow> {
    const row = await this.decide(viewer, args, 'ADMITTED', async (em, meeting, request) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(MembershipEntity)
        .values({ processId: meeting.processId, participantId: request.participantId, role: 'PARTICIPANT', sector: request.sector, organization: request.organization })
        .orIgnore()
        .execute();
      await em.query(`INSERT INTO attendance (meeting_id, participant_id, sector) VALUES ($1, $2, $3) ON CONFLICT (meeting_id, participant_id) DO NOTHING`, [
        meeting.id,
        request.participantId,
        request.sector,
      ]);
    });
    // After COMMIT: caches that said "not a member" are dropped on every node.
    await this.invalidation.publish(INVALIDATE.membership, [row.participantId]);
    return row;
  }

  async deny(viewer: Viewer, args: GuestAdmissionArgs): Promise<DoorRow> {
    return this.decide(viewer, args, 'DENIED', async () => undefined);
  }

  /** Newcomers waiting at the door, in order of arrival. */
  async pending(meetingId: string): Promise<DoorRow[]> {
    return this.rows(this.dataSource.manager, `r.meeting_id = $1 AND r.status = 'PENDING'`, [meetingId]);
  }

  private decide(
    viewer: Viewer,
    args: GuestAdmissionArgs,
    status: 'ADMITTED' | 'DENIED',
    apply: (em: EntityManager, meeting: MeetingEntity, request: AdmissionRequestEntity) => Promise<void>,
  ): Promise<DoorRow> {
    return this.tx.run(async (em, emit) => {
      const { meeting } = await lockMeetingForManage(em, this.access, viewer, args.meetingId);
      requireStatus(meeting, ['LIVE'], { ja: '受付', en: 'admit or deny anyone' });
      const request = await em.findOne(AdmissionRequestEntity, { where: { meetingId: meeting.id, participantId: args.participantId }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw requestMissing();
      if (request.status === status) return (await this.rows(em, 'r.id = $1', [request.id]))[0] as DoorRow;
      if (request.status === 'ADMITTED') {
        throw conflict('ALREADY_ADMITTED', 'この方はすでに参加が承認されています（外す場合はメンバー設定から）。', 'This person was already admitted (remove them from the members settings instead).');
      }
      await apply(em, meeting, request);
      await em.update(AdmissionRequestEntity, { id: request.id }, { status, decidedById: viewer.participantId, decidedAt: new Date() });
      await this.audit.record(em, {
        processId: meeting.processId,
        actorId: viewer.participantId,
        action: status === 'ADMITTED' ? 'meeting.admission.admit' : 'meeting.admission.deny',
        targetType: 'meeting',
        targetId: meeting.id,
        data: { participantId: request.participantId, sector: request.sector, before: request.status },
      });
      emit({ type: 'admission.changed', processId: meeting.processId, meetingId: meeting.id, participantId: request.participantId, status });
      emit({ type: 'meeting.state', processId: meeting.processId, meetingId: meeting.id });
      return (await this.rows(em, 'r.id = $1', [request.id]))[0] as DoorRow;
    });
  }

  private async rows(em: EntityManager, where: string, params: unknown[]): Promise<DoorRow[]> {
    const rows = await em.query<{ participant_id: string; display_name: string; organization: string | null; sector: Sector; kind: string; requested_at: Date; status: AdmissionStatus }[]>(
      `SELECT r.participant_id, p.display_name, COALESCE(r.organization, p.organization) AS organization, r.sector, p.kind, r.requested_at, r.status
         FROM admission_request r JOIN participant p ON p.id = r.participant_id
        WHERE ${where}
        ORDER BY r.requested_at, r.id
        LIMIT 500`,
      params,
    );
    return rows.map((r) => ({
      participantId: r.participant_id,
      displayName: r.display_name,
      organization: r.organization,
      sector: r.sector,
      guest: r.kind === 'GUEST',
      joinedAt: r.requested_at,
      admission: r.status,
    }));
  }
}
