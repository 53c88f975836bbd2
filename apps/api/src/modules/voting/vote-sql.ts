import type { Ballot, Sector, VoteChoice } from '@yoriai/domain';
import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import type { VoteModel } from './voting.model';

/**
 * Runs a named (server-side prepared) statement on the transaction's own connection. The vote path
 * is the hot path (thousands of votes/s at a prefecture-wide event): a prepared statement is parsed
 * and planned once per pooled connection instead of on every vote (RELIABILITY.md: node-postgres
 * reaches 53–64 % of pgbench with unnamed statements, 81–97 % with prepared ones).
 */
export async function prepared<T>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = em.queryRunner;
  if (!runner) throw new Error(`prepared statement ${name} must run inside a transaction`);
  // TypeORM's PostgresQueryRunner.connect() hands back the pg PoolClient the transaction runs on.
  const client = (await (runner as unknown as { connect(): Promise<PoolClient> }).connect()) as PoolClient;
  const result = await client.query<T & object>({ name, text, values });
  return result.rows;
}

export interface VoteContextRow {
  process_id: string;
  role: string | null;
  sector: string | null;
  round_id: string | null;
  ballot: string | null;
}

/**
 * One round trip for everything a vote needs: the proposal's process, the voter's membership and
 * the open round, share-locked. closeVoting takes the round row FOR UPDATE, so a vote either
 * commits before the close starts counting (and is counted) or waits and then finds no open round
 * (the re-checked `status = 'OPEN'` fails) and is refused with VOTING_CLOSED.
 */
export const VOTE_CONTEXT = {
  name: 'yoriai_vote_context_v1',
  text: `SELECT p.process_id, m.role, m.sector, r.id AS round_id, r.ballot
           FROM proposal p
           LEFT JOIN membership m ON m.process_id = p.process_id AND m.participant_id = $2::uuid
           LEFT JOIN LATERAL (
             SELECT id, ballot FROM voting_round WHERE proposal_id = p.id AND status = 'OPEN' FOR SHARE
           ) r ON true
          WHERE p.id = $1::uuid`,
};

export interface CastRow {
  event_id: string;
  sector: string;
  choice: string;
  reason: string | null;
  proxy: boolean;
  created_at: Date;
  vote_id: string | null;
  updated_at: Date | null;
}

/** The answer to a cast: the stored vote of this request (one-vote path and group commit alike). */
export function storedVote(id: string, row: CastRow, at: { proposalId: string; roundId: string; participantId: string; ballot: Ballot }): VoteModel {
  return {
    id,
    proposalId: at.proposalId,
    roundId: at.roundId,
    choice: row.choice as VoteChoice,
    reason: row.reason,
    sector: row.sector as Sector,
    proxy: row.proxy,
    updatedAt: row.updated_at ?? row.created_at,
    participantId: at.participantId,
    ballot: at.ballot,
  };
}

/**
 * The durable vote, one statement:
 *  1. append the event; the (round, participant, clientRequestId) key makes a retry a no-op
 *     (then nothing below runs: `ev` is empty);
 *  2. upsert the current vote, but only if this event is newer than the one it holds, so an old
 *     request retried late never overwrites a newer vote, and never a proxy (paper) vote over the
 *     member's own electronic vote (finding 5: the caller then answers CONFLICT and rolls back);
 *  3. write the audit row (who cast, never the choice). Not for a SECRET round: its row would carry
 *     the time of the vote, which lines up with the live turnout; closeVoting writes the audit rows of
 *     a secret round's voters instead, all at the close time, in no order of voting (SECRET_VOTES_AUDIT).
 */
export const CAST_VOTE = {
  name: 'yoriai_cast_vote_v3',
  text: `WITH ev AS (
           INSERT INTO vote_event (round_id, participant_id, sector, choice, reason, proxy, entered_by_id, client_request_id)
           VALUES ($1::uuid, $2::uuid, $3::varchar, $4::varchar, $5::text, $6::boolean, $7::uuid, $8::varchar)
           ON CONFLICT (round_id, participant_id, client_request_id) DO NOTHING
           RETURNING id, round_id, participant_id, sector, choice, reason, proxy, entered_by_id, created_at
         ), cur AS (
           INSERT INTO vote (round_id, participant_id, sector, choice, reason, proxy, entered_by_id, event_id)
           SELECT round_id, participant_id, sector, choice, reason, proxy, entered_by_id, id FROM ev
           ON CONFLICT (round_id, participant_id) DO UPDATE
              SET sector = EXCLUDED.sector, choice = EXCLUDED.choice, reason = EXCLUDED.reason, proxy = EXCLUDED.proxy,
                  entered_by_id = EXCLUDED.entered_by_id, event_id = EXCLUDED.event_id, updated_at = now()
            WHERE vote.event_id < EXCLUDED.event_id AND (vote.proxy OR NOT EXCLUDED.proxy)
           RETURNING id, updated_at
         ), au AS (
           INSERT INTO audit_log (process_id, actor_id, action, target_type, target_id, data)
           SELECT $9::uuid, $10::uuid, $11::varchar, 'voting_round', $12::varchar,
                  jsonb_build_object('eventId', ev.id::text, 'participantId', ev.participant_id, 'proxy', ev.proxy, 'clientRequestId', $8::varchar)
             FROM ev WHERE $13::varchar = 'OPEN'
         )
         SELECT ev.id::text AS event_id, ev.sector, ev.choice, ev.reason, ev.proxy, ev.created_at, cur.id AS vote_id, cur.updated_at
           FROM ev LEFT JOIN cur ON true`,
};

/** A retry: the vote as stored for that request, and the id of the participant's current vote row. */
export const STORED_REQUEST = {
  name: 'yoriai_stored_vote_request_v1',
  text: `SELECT e.id::text AS event_id, e.sector, e.choice, e.reason, e.proxy, e.created_at, v.id AS vote_id, e.created_at AS updated_at
           FROM vote_event e
           LEFT JOIN vote v ON v.round_id = e.round_id AND v.participant_id = e.participant_id
          WHERE e.round_id = $1::uuid AND e.participant_id = $2::uuid AND e.client_request_id = $3::varchar`,
};

/**
 * At close of a SECRET round: one audit row per voter (who voted, whether by paper ballot, how many
 * times they cast), stamped with the close time and inserted in participant-id order, so the log says
 * that each person voted but never when, nor in which order (docs/security.md, finding 2).
 */
export const SECRET_VOTES_AUDIT = `INSERT INTO audit_log (process_id, actor_id, action, target_type, target_id, data, created_at)
  SELECT $2::uuid, e.participant_id, 'vote.cast.secret', 'voting_round', $1::varchar,
         jsonb_build_object('participantId', e.participant_id, 'proxy', bool_or(e.proxy), 'casts', count(*)::int), $3::timestamptz
    FROM vote_event e WHERE e.round_id = $1::uuid
   GROUP BY e.participant_id ORDER BY e.participant_id`;

export interface BatchCastRow {
  /** 1-based position of the vote in the batch. */
  ord: string;
  /** The vote's context, as VOTE_CONTEXT reads it for one vote. */
  process_id: string | null;
  role: string | null;
  round_id: string | null;
  ballot: string | null;
  /** Whether the vote was written (member with the right to vote, in the guest's process, round open). */
  allowed: boolean;
  event_id: string | null;
  sector: string | null;
  choice: string | null;
  reason: string | null;
  proxy: boolean | null;
  created_at: Date | null;
  vote_id: string | null;
  updated_at: Date | null;
}

/**
 * A batch of members' own votes (VoteBatchWriter; never proxy votes) in ONE statement: arrays of
 * proposal, voter, choice, reason, clientRequestId and the voter's guest scope (null for accounts),
 * position by position, at most one vote per (proposal, voter); `$7` the roles that may vote.
 *  0. the context of every vote, as VOTE_CONTEXT: the proposal's process, the voter's membership and
 *     the open round, share-locked (closeVoting's FOR UPDATE waits for this transaction, or this one
 *     finds the round closed); only votes whose context allows them are written below;
 *  1–3. as CAST_VOTE: events appended in batch order (a retry is a no-op), current votes upserted only
 *     forward (a member's own vote may replace a paper ballot entered for them, never the reverse),
 *     audit rows (none for SECRET rounds: SECRET_VOTES_AUDIT writes them at the close).
 * One row per position: its context, `allowed`, and what was written (`event_id` null for a retry or a
 * vote not allowed, `vote_id` null when the event lost to a newer one).
 */
export const BATCH_CAST_VOTE = {
  name: 'yoriai_batch_cast_vote_v2',
  text: `WITH q AS MATERIALIZED (
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::text[], $5::varchar[], $6::uuid[])
                  WITH ORDINALITY AS t(proposal_id, participant_id, choice, reason, client_request_id, scope_process_id, ord)
         ), ctx AS MATERIALIZED (
           SELECT q.*, p.process_id, m.role, m.sector, r.id AS round_id, r.ballot,
                  COALESCE(m.role = ANY($7::varchar[]) AND r.id IS NOT NULL AND (q.scope_process_id IS NULL OR q.scope_process_id = p.process_id), false) AS allowed
             FROM q
             LEFT JOIN proposal p ON p.id = q.proposal_id
             LEFT JOIN membership m ON m.process_id = p.process_id AND m.participant_id = q.participant_id
             LEFT JOIN LATERAL (
               SELECT id, ballot FROM voting_round WHERE proposal_id = p.id AND status = 'OPEN' FOR SHARE
             ) r ON true
         ), ev AS (
           INSERT INTO vote_event (round_id, participant_id, sector, choice, reason, proxy, entered_by_id, client_request_id)
           SELECT round_id, participant_id, sector, choice, reason, false, NULL, client_request_id FROM ctx WHERE allowed ORDER BY ord
           ON CONFLICT (round_id, participant_id, client_request_id) DO NOTHING
           RETURNING id, round_id, participant_id, sector, choice, reason, proxy, entered_by_id, client_request_id, created_at
         ), cur AS (
           INSERT INTO vote (round_id, participant_id, sector, choice, reason, proxy, entered_by_id, event_id)
           SELECT round_id, participant_id, sector, choice, reason, proxy, entered_by_id, id FROM ev ORDER BY id
           ON CONFLICT (round_id, participant_id) DO UPDATE
              SET sector = EXCLUDED.sector, choice = EXCLUDED.choice, reason = EXCLUDED.reason, proxy = EXCLUDED.proxy,
                  entered_by_id = EXCLUDED.entered_by_id, event_id = EXCLUDED.event_id, updated_at = now()
            WHERE vote.event_id < EXCLUDED.event_id AND (vote.proxy OR NOT EXCLUDED.proxy)
           RETURNING id, round_id, participant_id, updated_at
         ), au AS (
           INSERT INTO audit_log (process_id, actor_id, action, target_type, target_id, data)
           SELECT ctx.process_id, ev.participant_id, 'vote.cast', 'voting_round', ev.round_id::varchar,
                  jsonb_build_object('eventId', ev.id::text, 'participantId', ev.participant_id, 'proxy', ev.proxy, 'clientRequestId', ev.client_request_id)
             FROM ev JOIN ctx ON ctx.allowed AND ctx.round_id = ev.round_id AND ctx.participant_id = ev.participant_id
            WHERE ctx.ballot = 'OPEN'
            ORDER BY ev.id
         )
         SELECT ctx.ord::text AS ord, ctx.process_id, ctx.role, ctx.round_id, ctx.ballot, ctx.allowed,
                ev.id::text AS event_id, ev.sector, ev.choice, ev.reason, ev.proxy, ev.created_at, cur.id AS vote_id, cur.updated_at
           FROM ctx
           LEFT JOIN ev ON ctx.allowed AND ev.round_id = ctx.round_id AND ev.participant_id = ctx.participant_id
           LEFT JOIN cur ON ctx.allowed AND cur.round_id = ctx.round_id AND cur.participant_id = ctx.participant_id
          ORDER BY ctx.ord`,
};
