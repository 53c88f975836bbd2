import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { can, ROLES, type Ballot, type VoteChoice } from '@yoriai/domain';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { Emit, TransactionRunner } from '../../common/database/transaction-runner';
import { connectionLost } from '../../common/errors/database-unavailable';
import { Errors } from '../../common/errors/domain-error';
import { BATCH_CAST_VOTE, BatchCastRow, CastRow, prepared, STORED_REQUEST, storedVote } from './vote-sql';
import type { VoteModel } from './voting.model';

/** A member's own vote, authenticated and validated, waiting for the next batch. */
export interface BatchedVote {
  viewer: Viewer;
  proposalId: string;
  choice: VoteChoice;
  reason: string | null;
  clientRequestId: string;
}

/**
 * What the batch answers: the stored vote (committed), or `single` when this vote must take the
 * one-vote path instead (its context is unusual — not a member, another process, no open round — so
 * that path gives the canonical typed error; or the batch failed for a reason that was not a lost
 * connection).
 */
export type BatchOutcome = { kind: 'stored'; vote: VoteModel } | { kind: 'single' };

interface Pending {
  vote: BatchedVote;
  key: string;
  resolve: (outcome: BatchOutcome) => void;
  reject: (error: unknown) => void;
}

/** Tuning of the group commit (tests may shrink it). */
export interface VoteBatchOptions {
  /** Most votes written by one transaction. */
  maxBatch: number;
  /** Batches written at the same time, each on its own pooled connection (the pool has 20). */
  maxInFlight: number;
}

/** The roles that may cast a vote (libs/domain permissions), for the batch statement. */
const VOTING_ROLES: string[] = ROLES.filter((r) => can(r, 'vote.cast'));

export const DEFAULT_VOTE_BATCH: VoteBatchOptions = { maxBatch: 256, maxInFlight: 8 };

/**
 * Group commit of castVote (issue 12). Votes that arrive while a batch is being written (or in the
 * same event-loop turn) are written together in ONE transaction of ONE statement (BATCH_CAST_VOTE):
 * the context of every vote (membership and the share-locked open round), then, for the votes it
 * allows, their events, current votes and audit rows; then COMMIT. Each caller is answered only after
 * that COMMIT, and `vote.cast` is published for each committed vote (retries included) only after it.
 *
 * - A vote never fails its neighbours: whatever could refuse one vote (membership, role, guest scope,
 *   the round) is decided in the statement before anything is written for it, and such a vote leaves
 *   the batch for the one-vote path, which answers the canonical typed error. A retry that reuses its
 *   clientRequestId with another choice writes nothing and is refused alone (CLIENT_REQUEST_ID_REUSED).
 * - If the batch transaction itself fails, each of its votes is written alone (same clientRequestId;
 *   its key still held), and a vote that fails alone too takes the one-vote path — except when the
 *   database connection was lost: then the outcome is unknown and the client's retry decides (its
 *   typed DATABASE_UNAVAILABLE answer says to retry).
 * - Order per voter and proposal: a batch holds at most one vote per (voter, proposal), and a vote
 *   waits while an earlier one of the same key is queued or being written, so a later vote always
 *   gets the larger event id and wins (the upsert only moves forward).
 */
@Injectable()
export class VoteBatchWriter implements OnModuleDestroy {
  private readonly queue: Pending[] = [];
  /** Keys of the votes being written now. */
  private readonly writing = new Set<string>();
  private readonly flights = new Set<Promise<void>>();
  private scheduled = false;
  private options: VoteBatchOptions = { ...DEFAULT_VOTE_BATCH };

  constructor(private readonly tx: TransactionRunner) {}

  configure(options: Partial<VoteBatchOptions>): void {
    this.options = { ...this.options, ...options };
  }

  /** Queues the vote; resolves after the COMMIT of the batch that wrote it. */
  cast(vote: BatchedVote): Promise<BatchOutcome> {
    return new Promise<BatchOutcome>((resolve, reject) => {
      this.queue.push({ vote, key: `${vote.proposalId}/${vote.viewer.participantId}`, resolve, reject });
      this.schedule();
    });
  }

  /** Before the database closes (that happens at application shutdown): the votes taken are written. */
  async onModuleDestroy(): Promise<void> {
    while (this.flights.size || this.queue.length) {
      if (!this.flights.size) this.flush();
      await Promise.allSettled([...this.flights]);
    }
  }

  private schedule(): void {
    if (this.scheduled || this.flights.size >= this.options.maxInFlight) return;
    this.scheduled = true;
    // The rest of this turn's requests join the batch (many arrive in one I/O callback round).
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.flights.size < this.options.maxInFlight && this.queue.length) {
      const batch = this.take();
      if (!batch.length) return;
      const flight = this.write(batch).finally(() => {
        this.flights.delete(flight);
        for (const p of batch) this.writing.delete(p.key);
        if (this.queue.length) this.schedule();
      });
      this.flights.add(flight);
    }
  }

  /** The oldest votes, at most one per key and none whose key is being written now (order per voter). */
  private take(): Pending[] {
    const batch: Pending[] = [];
    const keys = new Set<string>();
    const blocked = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < this.options.maxBatch; ) {
      const p = this.queue[i];
      if (this.writing.has(p.key) || keys.has(p.key) || blocked.has(p.key)) {
        // An earlier vote of this key is ahead of it: it waits for a later batch.
        blocked.add(p.key);
        i++;
        continue;
      }
      keys.add(p.key);
      batch.push(p);
      this.queue.splice(i, 1);
    }
    for (const p of batch) this.writing.add(p.key);
    return batch;
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      this.settle(batch, await this.tx.run((em, emit) => this.writeBatch(em, emit, batch)));
    } catch (e) {
      // The transaction rolled back (or its COMMIT's answer was lost): nothing was published.
      if (connectionLost(e) || batch.length === 1) return this.fail(batch, e);
      // One vote's reason the batch could not foresee: each is written alone, its key still held, so
      // a later vote of the same voter cannot overtake it.
      for (const p of batch) {
        try {
          this.settle([p], await this.tx.run((em, emit) => this.writeBatch(em, emit, [p])));
        } catch (alone) {
          this.fail([p], alone);
        }
      }
    }
  }

  /** A lost connection: the outcome is unknown and the client's retry decides; anything else: the one-vote path. */
  private fail(batch: Pending[], e: unknown): void {
    if (connectionLost(e)) for (const p of batch) p.reject(e);
    else for (const p of batch) p.resolve({ kind: 'single' });
  }

  private settle(batch: Pending[], outcomes: Array<BatchOutcome | { kind: 'error'; error: unknown }>): void {
    batch.forEach((p, i) => {
      const o = outcomes[i];
      if (o.kind === 'error') p.reject(o.error);
      else p.resolve(o);
    });
  }

  private async writeBatch(em: EntityManager, emit: Emit, batch: Pending[]): Promise<Array<BatchOutcome | { kind: 'error'; error: unknown }>> {
    const rows = await prepared<BatchCastRow>(em, BATCH_CAST_VOTE.name, BATCH_CAST_VOTE.text, [
      batch.map((p) => p.vote.proposalId),
      batch.map((p) => p.vote.viewer.participantId),
      batch.map((p) => p.vote.choice),
      batch.map((p) => p.vote.reason),
      batch.map((p) => p.vote.clientRequestId),
      batch.map((p) => p.vote.viewer.scopeProcessId),
      VOTING_ROLES,
    ]);
    const outcomes: Array<BatchOutcome | { kind: 'error'; error: unknown }> = batch.map(() => ({ kind: 'single' }));
    for (const fresh of rows) {
      const i = Number(fresh.ord) - 1;
      // Not a member, a guest of another process, a role without the vote, no open round: nothing was
      // written for it; the one-vote path answers the canonical typed error.
      if (!fresh.allowed || !fresh.process_id || !fresh.round_id || !fresh.ballot) continue;
      const ctx = { process_id: fresh.process_id, round_id: fresh.round_id, ballot: fresh.ballot };
      const vote = batch[i].vote;
      const isNew = !!fresh.event_id;
      // A retry (no new event), or a new event that lost to a newer one of the same voter: the vote as
      // stored for this request, without touching the current vote.
      const row: CastRow | undefined = isNew && fresh.vote_id ? (fresh as CastRow) : (await prepared<CastRow>(em, STORED_REQUEST.name, STORED_REQUEST.text, [ctx.round_id, vote.viewer.participantId, vote.clientRequestId]))[0];
      if (!row?.vote_id) {
        outcomes[i] = { kind: 'error', error: new Error(`vote request ${vote.clientRequestId} of ${vote.viewer.participantId} in round ${ctx.round_id} has no stored vote`) };
        continue;
      }
      // The same id with another choice or reason is not a retry (finding 8); nothing was written for it.
      if (!isNew && (row.choice !== vote.choice || (row.reason ?? null) !== (vote.reason ?? null) || row.proxy)) {
        outcomes[i] = { kind: 'error', error: Errors.clientRequestIdReused({ ja: '別の選択', en: 'another choice' }) };
        continue;
      }
      // Announced for retries too (the node that stored it may have died before announcing it).
      emit({ type: 'vote.cast', processId: ctx.process_id, proposalId: vote.proposalId, roundId: ctx.round_id });
      outcomes[i] = {
        kind: 'stored',
        vote: storedVote(row.vote_id, row, { proposalId: vote.proposalId, roundId: ctx.round_id, participantId: vote.viewer.participantId, ballot: ctx.ballot as Ballot }),
      };
    }
    return outcomes;
  }
}
