import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SECTORS, type Sector } from '@yoriai/domain';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { Errors } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../proposal/proposal.mapper';
import { AuditService } from '../audit/audit.service';
import { AgendaItemEntity } from './agenda-item.entity';
import type { CreateMeetingInput, UpdateMeetingInput } from './dto/meeting.input';
import { MeetingEntity } from './meeting.entity';
import { assertAgendaRefs, lockMeetingForManage, MEETING, requireStatus, unique } from './meeting-rules';

export interface AttendanceRow {
  participantId: string;
  displayName: string;
  organization: string | null;
  sector: Sector;
  guest: boolean;
  joinedAt: Date;
}

/** Meetings: creation, details, and reads (agenda, attendance). Agenda edits: AgendaService; the live phase: MeetingLiveService. */
@Injectable()
export class MeetingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** A SCHEDULED meeting with its agenda. A retry with the same clientRequestId returns the stored meeting. */
  async create(viewer: Viewer, input: CreateMeetingInput): Promise<MeetingEntity> {
    const requestId = input.clientRequestId ?? null;
    try {
      return await this.createOnce(viewer, input, requestId);
    } catch (e) {
      // Two concurrent retries both missed the lookup; the unique index let one in: return that one.
      if (requestId && isUniqueViolation(e, 'uq_meeting_client_request')) {
        const stored = await this.stored(this.dataSource.manager, viewer, requestId, input.processId);
        if (stored) return stored;
      }
      throw e;
    }
  }

  private createOnce(viewer: Viewer, input: CreateMeetingInput, requestId: string | null): Promise<MeetingEntity> {
    return this.tx.run(async (em, emit) => {
      await this.access.require(viewer, input.processId, 'meeting.manage', em);
      const stored = requestId ? await this.stored(em, viewer, requestId, input.processId) : null;
      if (stored) return stored;
      const agenda = input.agenda ?? [];
      await assertAgendaRefs(em, input.processId, agenda);
      const meeting = await em.save(
        em.create(MeetingEntity, {
          processId: input.processId,
          title: input.title.trim(),
          startsAt: input.startsAt ?? null,
          location: input.location?.trim() || null,
          status: 'SCHEDULED',
          facilitatorId: viewer.participantId,
          createdById: viewer.participantId,
          clientRequestId: requestId,
          admission: input.admission ?? 'CODE',
          guestsPerDevice: input.guestsPerDevice ?? 1,
        }),
      );
      if (agenda.length) {
        await em.insert(
          AgendaItemEntity,
          agenda.map((item, i) => ({
            meetingId: meeting.id,
            position: i + 1,
            title: item.title.trim(),
            pillarId: item.pillarId ?? null,
            proposalIds: unique(item.proposalIds),
            plannedMinutes: item.plannedMinutes ?? null,
          })),
        );
      }
      await this.audit.record(em, {
        processId: input.processId,
        actorId: viewer.participantId,
        action: 'meeting.create',
        targetType: 'meeting',
        targetId: meeting.id,
        data: { title: meeting.title, agendaItems: agenda.length, admission: meeting.admission },
      });
      emit({ type: 'meeting.state', processId: input.processId, meetingId: meeting.id });
      return meeting;
    });
  }

  private async stored(em: EntityManager, viewer: Viewer, requestId: string, processId: string): Promise<MeetingEntity | null> {
    const stored = await em.findOne(MeetingEntity, { where: { createdById: viewer.participantId, clientRequestId: requestId } });
    if (stored && stored.processId !== processId) {
      throw Errors.clientRequestIdReused({ ja: '別の会議の作成', en: 'another meeting' });
    }
    return stored;
  }

  /** Title, time and place, while the meeting is scheduled or live. */
  async update(viewer: Viewer, input: UpdateMeetingInput): Promise<MeetingEntity> {
    return this.tx.run(async (em, emit) => {
      const { meeting } = await lockMeetingForManage(em, this.access, viewer, input.meetingId);
      requireStatus(meeting, ['SCHEDULED', 'LIVE'], { ja: '変更', en: 'change it' });
      const before = { title: meeting.title, startsAt: meeting.startsAt, location: meeting.location };
      if (input.title != null) meeting.title = input.title.trim();
      if (input.startsAt !== undefined) meeting.startsAt = input.startsAt;
      if (input.location !== undefined) meeting.location = input.location?.trim() || null;
      const saved = await em.save(meeting);
      await this.audit.record(em, {
        processId: meeting.processId,
        actorId: viewer.participantId,
        action: 'meeting.update',
        targetType: 'meeting',
        targetId: meeting.id,
        data: { before, after: { title: saved.title, startsAt: saved.startsAt, location: saved.location } },
      });
      emit({ type: 'meeting.state', processId: meeting.processId, meetingId: meeting.id });
      return saved;
    });
  }

  /** A meeting of a process the viewer belongs to ('process.read'). */
  async get(viewer: Viewer, id: string): Promise<MeetingEntity> {
    const meeting = isUUID(id) ? await this.dataSource.manager.findOne(MeetingEntity, { where: { id } }) : null;
    if (!meeting) throw Errors.notFound(MEETING);
    await this.access.require(viewer, meeting.processId, 'process.read');
    return meeting;
  }

  /** Meetings of a process: live first, then by start time (newest first). The caller has checked access to the process. */
  listForProcess(processId: string, first: number, offset: number, status: MeetingEntity['status'] | null = null): Promise<MeetingEntity[]> {
    const qb = this.dataSource.manager.createQueryBuilder(MeetingEntity, 'm').where('m.process_id = :processId', { processId });
    if (status) qb.andWhere('m.status = :status', { status });
    return qb
      .orderBy(`CASE m.status WHEN 'LIVE' THEN 0 WHEN 'SCHEDULED' THEN 1 ELSE 2 END`, 'ASC')
      .addOrderBy('COALESCE(m.starts_at, m.created_at)', 'DESC')
      .addOrderBy('m.id', 'ASC')
      .take(first)
      .skip(offset)
      .getMany();
  }

  agenda(meetingId: string, em: EntityManager = this.dataSource.manager): Promise<AgendaItemEntity[]> {
    return em.find(AgendaItemEntity, { where: { meetingId }, order: { position: 'ASC' } });
  }

  async agendaItem(itemId: string | null): Promise<AgendaItemEntity | null> {
    return itemId ? this.dataSource.manager.findOne(AgendaItemEntity, { where: { id: itemId } }) : null;
  }

  /** Attendees in order of arrival, with their name and organisation (membership first, else profile). */
  async attendance(meetingId: string, first: number, offset: number): Promise<AttendanceRow[]> {
    const rows = await this.dataSource.query<
      { participant_id: string; display_name: string; organization: string | null; sector: Sector; kind: string; joined_at: Date }[]
    >(
      `SELECT a.participant_id, p.display_name, COALESCE(ms.organization, p.organization) AS organization, a.sector, p.kind, a.joined_at
         FROM attendance a
         JOIN meeting m ON m.id = a.meeting_id
         JOIN participant p ON p.id = a.participant_id
         LEFT JOIN membership ms ON ms.process_id = m.process_id AND ms.participant_id = a.participant_id
        WHERE a.meeting_id = $1
        ORDER BY a.joined_at, a.id
        LIMIT $2 OFFSET $3`,
      [meetingId, first, offset],
    );
    return rows.map((r) => ({
      participantId: r.participant_id,
      displayName: r.display_name,
      organization: r.organization,
      sector: r.sector,
      guest: r.kind === 'GUEST',
      joinedAt: r.joined_at,
    }));
  }

  /** Attendees per sector in 産官学金労言 order (sectors without attendees left out). */
  /** The QR code's token of a live meeting (a column no ordinary read selects). */
  async joinToken(meetingId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ join_token: string | null }[]>(`SELECT join_token FROM meeting WHERE id = $1 AND status = 'LIVE'`, [meetingId]);
    return row?.join_token ?? null;
  }

  async attendanceBySector(meetingId: string): Promise<{ sector: Sector; count: number; guests: number; recentGuests: number }[]> {
    const rows = await this.dataSource.query<{ sector: Sector; n: number; guests: number; recent: number }[]>(
      `SELECT a.sector, count(*)::int AS n,
              count(*) FILTER (WHERE p.kind = 'GUEST')::int AS guests,
              count(*) FILTER (WHERE p.kind = 'GUEST' AND a.joined_at > now() - interval '5 minutes')::int AS recent
         FROM attendance a JOIN participant p ON p.id = a.participant_id
        WHERE a.meeting_id = $1 GROUP BY a.sector`,
      [meetingId],
    );
    const bySector = new Map(rows.map((r) => [r.sector, r]));
    return SECTORS.filter((s) => bySector.has(s)).map((sector) => {
      const r = bySector.get(sector) as (typeof rows)[number];
      return { sector, count: r.n, guests: r.guests, recentGuests: r.recent };
    });
  }
}
