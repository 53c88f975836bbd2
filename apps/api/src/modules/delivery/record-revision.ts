import type { EntityManager } from 'typeorm';

export interface RecordRevision {
  recordId: string;
  seq: number;
  hash: string;
}

/**
 * The `revises` part of a new record's hashed body (docs/consensus-records.md): the record that a
 * revised plan (reviseDecision) or a re-vote on the same proposal revises — the latest earlier
 * record of the same proposal (not a correction), else the record the proposal was written to
 * revise. Empty when there is none, so first decisions keep the body they always had.
 */
export async function recordRevision(em: EntityManager, proposalId: string): Promise<{ revises?: RecordRevision }> {
  const [row] = await em.query<RecordRevision[]>(
    `SELECT r.id AS "recordId", r.seq, r.hash FROM consensus_record r
      WHERE (r.proposal_id = $1 AND r.supersedes_id IS NULL)
         OR r.id = (SELECT revises_record_id FROM proposal WHERE id = $1)
      ORDER BY (r.proposal_id = $1) DESC, r.seq DESC LIMIT 1`,
    [proposalId],
  );
  return row ? { revises: { recordId: row.recordId, seq: row.seq, hash: row.hash } } : {};
}
