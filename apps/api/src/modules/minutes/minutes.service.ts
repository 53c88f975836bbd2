import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { conflict, Errors } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { AgendaItemEntity } from '../meeting/agenda-item.entity';
import { MeetingEntity } from '../meeting/meeting.entity';
import type { MinutesDocument } from './minutes-document';
import { MinutesBuilder, minutesContentHash } from './minutes.builder';
import { MinutesEntity } from './minutes.entity';

export const MEETING = { ja: '会議', en: 'The meeting' };
const AGENDA_ITEM = { ja: '議題', en: 'The agenda item' };

export const minutesFinal = () =>
  conflict('MINUTES_FINAL', '議事録は確定済みのため、これ以上変更できません。', 'These minutes are final and can no longer be changed.');

/** What an export renders: the frozen document of final minutes, or a draft built just now. */
export interface MinutesForExport {
  meeting: MeetingEntity;
  document: MinutesDocument;
  /** Set for final minutes: sha256(canonicalJson(document)). */
  contentHash: string | null;
}

/**
 * The minutes lifecycle: DRAFT (summaries editable by the secretariat) → FINAL (frozen document
 * with its content hash; every later edit is a CONFLICT). endMeeting creates the DRAFT row; edits
 * made earlier (notes during a live meeting) create it here.
 */
@Injectable()
export class MinutesService {
  private readonly perRequest = new WeakMap<object, { minutes: DataLoader<string, MinutesEntity | null>; itemSummary: DataLoader<string, string> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly builder: MinutesBuilder,
  ) {}

  /** The minutes row of a meeting (batched per request: a list of meetings costs one query). */
  forMeeting(requestKey: object, meetingId: string): Promise<MinutesEntity | null> {
    return this.loaders(requestKey).minutes.load(meetingId);
  }

  /** The summary of an agenda item (batched per request). */
  agendaItemSummary(requestKey: object, itemId: string): Promise<string> {
    return this.loaders(requestKey).itemSummary.load(itemId);
  }

  private loaders(requestKey: object) {
    let l = this.perRequest.get(requestKey);
    if (!l) {
      const em = this.dataSource.manager;
      l = {
        minutes: new DataLoader(async (ids) => {
          const rows = await em.find(MinutesEntity, { where: { meetingId: In([...ids]) } });
          const byMeeting = new Map(rows.map((r) => [r.meetingId, r]));
          return ids.map((id) => byMeeting.get(id) ?? null);
        }),
        itemSummary: new DataLoader(async (ids) => {
          const rows = await em.find(AgendaItemEntity, { where: { id: In([...ids]) }, select: { id: true, summary: true } });
          const byId = new Map(rows.map((r) => [r.id, r.summary]));
          return ids.map((id) => byId.get(id) ?? '');
        }),
      };
      this.perRequest.set(requestKey, l);
    }
    return l;
  }

  async updateSummary(viewer: Viewer, meetingId: string, summary: string): Promise<MinutesEntity> {
    return this.tx.run(async (em) => {
      const meeting = await this.requireMeeting(em, viewer, meetingId, 'minutes.edit');
      const minutes = await this.lockDraft(em, meeting.id);
      const before = minutes.summary;
      minutes.summary = summary;
      const saved = await em.save(minutes);
      await this.audit.record(em, {
        processId: meeting.processId,
        actorId: viewer.participantId,
        action: 'minutes.updateSummary',
        targetType: 'minutes',
        targetId: minutes.id,
        data: { meetingId, beforeLength: before.length, afterLength: summary.length },
      });
      return saved;
    });
  }

  async updateAgendaItemSummary(viewer: Viewer, itemId: string, summary: string): Promise<AgendaItemEntity> {
    return this.tx.run(async (em) => {
      const item = isUUID(itemId) ? await em.findOne(AgendaItemEntity, { where: { id: itemId } }) : null;
      if (!item) throw Errors.notFound(AGENDA_ITEM);
      const meeting = await this.requireMeeting(em, viewer, item.meetingId, 'minutes.edit');
      // Locks the minutes row, so an item summary cannot change while the minutes are being finalised.
      await this.lockDraft(em, meeting.id);
      const before = item.summary;
      item.summary = summary;
      const saved = await em.save(item);
      await this.audit.record(em, {
        processId: meeting.processId,
        actorId: viewer.participantId,
        action: 'agendaItem.updateSummary',
        targetType: 'agenda_item',
        targetId: item.id,
        data: { meetingId: meeting.id, beforeLength: before.length, afterLength: summary.length },
      });
      return saved;
    });
  }

  /** Freezes the minutes: the document as of now, its hash, who and when. Only after the meeting ended. */
  async finalize(viewer: Viewer, meetingId: string): Promise<MinutesEntity> {
    return this.tx.run(async (em) => {
      const meeting = await this.requireMeeting(em, viewer, meetingId, 'minutes.edit');
      const minutes = await this.lockDraft(em, meeting.id);
      if (meeting.status !== 'ENDED') {
        throw conflict('MEETING_NOT_ENDED', '会議が終了してから議事録を確定してください。', 'Minutes can be finalised only after the meeting has ended.', { status: meeting.status });
      }
      const finalizedAt = new Date();
      const document = await this.builder.build(meeting.id, { status: 'FINAL', generatedAt: finalizedAt, finalizedAt, finalizedById: viewer.participantId }, em);
      if (!document) throw Errors.notFound(MEETING);
      minutes.status = 'FINAL';
      minutes.finalContent = document as unknown as Record<string, unknown>;
      minutes.contentHash = minutesContentHash(document);
      minutes.finalizedAt = finalizedAt;
      minutes.finalizedById = viewer.participantId;
      const saved = await em.save(minutes);
      await this.audit.record(em, {
        processId: meeting.processId,
        actorId: viewer.participantId,
        action: 'minutes.finalize',
        targetType: 'minutes',
        targetId: minutes.id,
        data: { meetingId, contentHash: minutes.contentHash, chainValid: document.footer.chain.valid, chainLength: document.footer.chain.length },
      });
      return saved;
    });
  }

  /** For exports: checks 'export.download', then returns the frozen or a freshly built document. */
  async forExport(viewer: Viewer, meetingId: string): Promise<MinutesForExport> {
    const meeting = await this.requireMeeting(this.dataSource.manager, viewer, meetingId, 'export.download');
    const row = await this.dataSource.manager.findOne(MinutesEntity, { where: { meetingId: meeting.id } });
    if (row?.status === 'FINAL' && row.finalContent) {
      return { meeting, document: row.finalContent as unknown as MinutesDocument, contentHash: row.contentHash };
    }
    const document = await this.builder.build(meeting.id);
    if (!document) throw Errors.notFound(MEETING);
    return { meeting, document, contentHash: null };
  }

  /** The meeting, after the viewer's right in its process is checked (non-members: NOT_FOUND). */
  private async requireMeeting(em: EntityManager, viewer: Viewer, meetingId: string, action: 'minutes.edit' | 'export.download'): Promise<MeetingEntity> {
    const meeting = isUUID(meetingId) ? await em.findOne(MeetingEntity, { where: { id: meetingId } }) : null;
    if (!meeting) throw Errors.notFound(MEETING);
    await this.access.require(viewer, meeting.processId, action, em);
    return meeting;
  }

  /**
   * The DRAFT minutes row, locked for this transaction (created if the meeting has none yet), or
   * CONFLICT MINUTES_FINAL. The row lock serialises edits with finalisation.
   */
  private async lockDraft(em: EntityManager, meetingId: string): Promise<MinutesEntity> {
    await em.createQueryBuilder().insert().into(MinutesEntity).values({ meetingId }).orIgnore().execute();
    const minutes = await em.createQueryBuilder(MinutesEntity, 'm').setLock('pessimistic_write').where('m.meeting_id = :meetingId', { meetingId }).getOneOrFail();
    if (minutes.status === 'FINAL') throw minutesFinal();
    return minutes;
  }
}
