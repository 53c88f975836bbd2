import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { statusForOutcome, type Outcome } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../../common/auth/access.service';
import type { Viewer } from '../../common/auth/viewer';
import { TransactionRunner } from '../../common/database/transaction-runner';
import { conflict, Errors, notFound } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { ConsensusRecordEntity } from './consensus-record.entity';
import type { CorrectRecordInput, RespondToDissentInput } from './dto/record.input';
import type { DissentItem, RecordBody } from './record-body';
import { ChainCheck, RecordChainService } from './record-chain.service';

const RECORD = { ja: '合意記録', en: 'The consensus record' };
const PROCESS = { ja: '協議プロセス', en: 'The process' };

export interface DissentResponseRow {
  dissent_id: string;
  response: string;
  responded_at: Date;
  responder: string;
}

export interface DissentWithResponse extends DissentItem {
  recordId: string;
  response: string | null;
  respondedAt: Date | null;
  respondedBy: string | null;
}

/** Reading consensus records, the dissent register, and corrections (which append, never edit). */
@Injectable()
export class RecordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly chain: RecordChainService,
  ) {}

  async get(viewer: Viewer, id: string): Promise<ConsensusRecordEntity> {
    // An id that is not a UUID names no record (and must not reach PostgreSQL as one).
    const record = isUUID(id) ? await this.dataSource.manager.findOne(ConsensusRecordEntity, { where: { id } }) : null;
    if (!record) throw Errors.notFound(RECORD);
    await this.access.require(viewer, record.processId, 'process.read');
    return record;
  }

  /** A record by id, without an access check (for fields of objects the caller may already see). */
  async byId(id: string): Promise<ConsensusRecordEntity | null> {
    return isUUID(id) ? this.dataSource.manager.findOne(ConsensusRecordEntity, { where: { id } }) : null;
  }

  /** Records of a process, newest (highest seq) first. The caller has already been allowed to see the process. */
  list(processId: string, first: number, offset: number): Promise<ConsensusRecordEntity[]> {
    return this.dataSource.manager.find(ConsensusRecordEntity, { where: { processId }, order: { seq: 'DESC' }, take: first, skip: offset });
  }

  async verify(viewer: Viewer, processId: string): Promise<ChainCheck> {
    if (!isUUID(processId)) throw Errors.notFound(PROCESS);
    await this.access.require(viewer, processId, 'process.read');
    return this.chain.verify(processId);
  }

  /** The id of the record that corrects this one, if any. */
  async supersededBy(record: Pick<ConsensusRecordEntity, 'id' | 'processId'>): Promise<string | null> {
    // process_id lets PostgreSQL use uq_consensus_record_seq instead of scanning every record.
    const [row] = await this.dataSource.manager.query<{ id: string }[]>('SELECT id FROM consensus_record WHERE process_id = $1 AND supersedes_id = $2 LIMIT 1', [record.processId, record.id]);
    return row?.id ?? null;
  }

  /** The record's dissent items with their responses (the dissent register). */
  async dissent(record: Pick<ConsensusRecordEntity, 'id' | 'body'>): Promise<DissentWithResponse[]> {
    const responses = await this.dataSource.manager.query<DissentResponseRow[]>(
      `SELECT r.dissent_id, r.response, r.responded_at, p.display_name AS responder
         FROM dissent_response r JOIN participant p ON p.id = r.responded_by_id WHERE r.record_id = $1`,
      [record.id],
    );
    const byId = new Map(responses.map((r) => [r.dissent_id, r]));
    return ((record.body as unknown as RecordBody).dissent ?? []).map((d) => withResponse(record.id, d, byId.get(d.id)));
  }

  /** Writes (or rewrites: the previous text is kept in the audit log) the response to one dissent item. */
  async respondToDissent(viewer: Viewer, input: RespondToDissentInput): Promise<DissentWithResponse> {
    return this.tx.run(async (em) => {
      const record = await this.recordFor(em, viewer, input.recordId, 'record.respond');
      const item = ((record.body as unknown as RecordBody).dissent ?? []).find((d) => d.id === input.dissentId);
      if (!item) throw notFound('DISSENT_NOT_FOUND', 'この合意記録にその少数意見はありません。', 'This record has no such dissent item.', { dissentId: input.dissentId });
      const [prior] = await em.query<{ response: string }[]>('SELECT response FROM dissent_response WHERE record_id = $1 AND dissent_id = $2 FOR UPDATE', [record.id, item.id]);
      // ON CONFLICT covers two first answers racing (the row did not exist to be locked).
      const [saved] = await em.query<{ responded_at: Date }[]>(
        `INSERT INTO dissent_response (record_id, dissent_id, response, responded_by_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (record_id, dissent_id) DO UPDATE SET response = EXCLUDED.response, responded_by_id = EXCLUDED.responded_by_id, responded_at = now()
         RETURNING responded_at`,
        [record.id, item.id, input.response, viewer.participantId],
      );
      const previous = prior?.response ?? null;
      await this.audit.record(em, {
        processId: record.processId,
        actorId: viewer.participantId,
        action: previous === null ? 'dissent.respond' : 'dissent.respond.update',
        targetType: 'consensus_record',
        targetId: record.id,
        data: { dissentId: item.id, ...(previous === null ? {} : { previous }) },
      });
      const [me] = await em.query<{ display_name: string }[]>('SELECT display_name FROM participant WHERE id = $1', [viewer.participantId]);
      return withResponse(record.id, item, { dissent_id: item.id, response: input.response, responded_at: saved.responded_at, responder: me?.display_name ?? '' });
    });
  }

  /**
   * A correction is a new record appended to the chain that supersedes the old one (the old one is
   * never edited). It carries the old record's facts with the corrected outcome/title and the reason.
   * Only the latest record of a correction chain can be corrected again.
   */
  async correctRecord(viewer: Viewer, input: CorrectRecordInput): Promise<ConsensusRecordEntity> {
    return this.tx.run(async (em, emit) => {
      const old = await this.recordFor(em, viewer, input.recordId, 'record.correct');
      const head = await this.chain.lockHead(em, old.processId);
      const [newer] = await em.query<{ id: string }[]>('SELECT id FROM consensus_record WHERE process_id = $1 AND supersedes_id = $2', [old.processId, old.id]);
      if (newer) throw conflict('RECORD_SUPERSEDED', 'この合意記録は既に訂正されています。最新の訂正記録を訂正してください。', 'This record has already been corrected; correct the latest correction instead.', { supersededById: newer.id });
      const body = old.body as unknown as RecordBody;
      const outcome: Outcome = input.outcome ?? body.outcome;
      const record = await this.chain.append(em, head, {
        ...body,
        proposalTitle: input.proposalTitle?.trim() || body.proposalTitle,
        outcome,
        facilitatorId: viewer.participantId,
        decidedAt: new Date().toISOString(),
        supersedesId: old.id,
        correction: { reason: input.reason, previousOutcome: body.outcome, correctedById: viewer.participantId },
      });
      // The proposal follows a changed outcome only while it still shows the corrected decision
      // (it may have been reopened and decided again since).
      const [moved] =
        outcome !== body.outcome
          ? await em.query<{ id: string }[]>(
              `UPDATE proposal SET status = $2, updated_at = now() WHERE id = $1 AND status = $3
                 AND NOT EXISTS (SELECT 1 FROM consensus_record r WHERE r.proposal_id = $1 AND r.seq > $4 AND r.id <> $5)
               RETURNING id`,
              [old.proposalId, statusForOutcome(outcome), statusForOutcome(body.outcome), old.seq, record.id],
            )
          : [];
      await this.audit.record(em, {
        processId: old.processId,
        actorId: viewer.participantId,
        action: 'record.correct',
        targetType: 'consensus_record',
        targetId: record.id,
        data: { supersedesId: old.id, seq: record.seq, hash: record.hash, outcome, previousOutcome: body.outcome, reason: input.reason, proposalStatusChanged: !!moved },
      });
      emit({ type: 'record.created', processId: old.processId, proposalId: old.proposalId, recordId: record.id, outcome, hash: record.hash });
      if (moved) emit({ type: 'proposal.updated', processId: old.processId, proposalId: old.proposalId });
      return record;
    });
  }

  private async recordFor(em: EntityManager, viewer: Viewer, id: string, action: 'record.respond' | 'record.correct'): Promise<ConsensusRecordEntity> {
    const record = await em.findOne(ConsensusRecordEntity, { where: { id } });
    if (!record) throw Errors.notFound(RECORD);
    await this.access.require(viewer, record.processId, action, em);
    return record;
  }
}

function withResponse(recordId: string, d: DissentItem, r: DissentResponseRow | undefined): DissentWithResponse {
  return { ...d, recordId, response: r?.response ?? null, respondedAt: r?.responded_at ?? null, respondedBy: r?.responder ?? null };
}
