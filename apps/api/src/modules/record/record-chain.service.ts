import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hashRecord, verifyChain, type ChainEntry } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ProcessEntity } from '../process/process.entity';
import { ConsensusRecordEntity } from './consensus-record.entity';
import { columnMismatch, RecordBody } from './record-body';

/** The locked head of a process's record chain; only `append` may advance it. */
export interface ChainHead {
  processId: string;
  seq: number;
  hash: string | null;
  dissentNamed: boolean;
}

export interface ChainCheck {
  valid: boolean;
  length: number;
  brokenAt: number | null;
  /** libs/domain ChainBreak, or COLUMN_MISMATCH:<field>, or MISSING_RECORDS. */
  reason: string | null;
}

/**
 * The consensus-record hash chain of a process (DESIGN.md §2): seq 1, 2, 3 …, each record's hash
 * covering its body and the previous hash. Appends are serialised by the process row lock.
 */
@Injectable()
export class RecordChainService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Locks the process row (FOR NO KEY UPDATE: it serialises appends exactly like FOR UPDATE, but
   * does not stall foreign-key checks of unrelated inserts — people joining the live meeting —
   * while a round is closing) and returns the chain head.
   */
  async lockHead(em: EntityManager, processId: string): Promise<ChainHead> {
    const [p] = await em.query<{ record_seq: number; dissent_named: boolean }[]>('SELECT record_seq, dissent_named FROM process WHERE id = $1 FOR NO KEY UPDATE', [processId]);
    if (!p) throw new Error(`process ${processId} vanished while appending a record`);
    const [last] = p.record_seq > 0 ? await em.query<{ hash: string }[]>('SELECT hash FROM consensus_record WHERE process_id = $1 AND seq = $2', [processId, p.record_seq]) : [];
    if (p.record_seq > 0 && !last) throw new Error(`record chain of process ${processId} lacks its head seq ${p.record_seq}`);
    return { processId, seq: p.record_seq, hash: last?.hash ?? null, dissentNamed: p.dissent_named };
  }

  /** Appends one record after `head` (which must come from lockHead in this transaction). */
  async append(em: EntityManager, head: ChainHead, draft: Omit<RecordBody, 'seq'>): Promise<ConsensusRecordEntity> {
    const seq = head.seq + 1;
    const body: RecordBody = { ...draft, seq };
    const hash = hashRecord(body, head.hash);
    const record = await em.save(
      em.create(ConsensusRecordEntity, {
        processId: head.processId,
        seq,
        proposalId: body.proposalId,
        roundId: body.roundId,
        proposalVersion: body.proposalVersion,
        proposalHash: body.proposalHash,
        rule: body.rule,
        outcome: body.outcome,
        body: body as unknown as Record<string, unknown>,
        prevHash: head.hash,
        hash,
        supersedesId: body.supersedesId,
        facilitatorId: body.facilitatorId,
        decidedAt: new Date(body.decidedAt),
      }),
    );
    await em.update(ProcessEntity, { id: head.processId }, { recordSeq: seq });
    head.seq = seq;
    head.hash = hash;
    return record;
  }

  /**
   * Recomputes every hash from the stored bodies (libs/domain verifyChain), checks that the copied
   * columns (outcome, rule, …) still say what the hashed body says, and that no record is missing
   * at the end (process.record_seq counts every append).
   */
  async verify(processId: string): Promise<ChainCheck> {
    const em = this.dataSource.manager;
    const rows = await em.find(ConsensusRecordEntity, { where: { processId }, order: { seq: 'ASC' } });
    const entries: ChainEntry[] = rows.map((r) => ({ seq: r.seq, prevHash: r.prevHash, hash: r.hash, body: r.body }));
    const chain = verifyChain(entries);
    let brokenAt = chain.brokenAt;
    let reason: string | null = chain.reason ?? null;
    for (const [i, row] of rows.entries()) {
      if (brokenAt !== null && i + 1 >= brokenAt) break;
      const field = columnMismatch(row);
      if (field) {
        brokenAt = i + 1;
        reason = `COLUMN_MISMATCH:${field}`;
        break;
      }
    }
    if (brokenAt === null) {
      const [p] = await em.query<{ record_seq: number }[]>('SELECT record_seq FROM process WHERE id = $1', [processId]);
      if (p && p.record_seq > rows.length) {
        brokenAt = rows.length + 1;
        reason = 'MISSING_RECORDS';
      }
    }
    return { valid: brokenAt === null, length: rows.length, brokenAt, reason };
  }
}
