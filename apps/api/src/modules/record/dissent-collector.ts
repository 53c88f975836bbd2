import type { Ballot, Sector, Tally } from '@yoriai/domain';
import type { EntityManager } from 'typeorm';
import type { DissentItem } from './record-body';

interface DissentVoteRow {
  id: string;
  sector: Sector;
  choice: 'DISAGREE' | 'BLOCK';
  reason: string | null;
  display_name: string;
}

interface ConcernRow {
  id: string;
  sector: Sector;
  body: string;
  display_name: string;
}

export interface DissentScope {
  roundId: string;
  proposalId: string;
  ballot: Ballot;
  /** process.dissentNamed: whether dissenting voters are named (open ballots only). */
  dissentNamed: boolean;
  /** The raw tally: in a secret ballot a vote's sector is kept only when that sector had ≥ minVoters voters. */
  raw: Tally;
  minVoters: number;
}

/**
 * The dissent register of a closing round (DESIGN.md §2): every BLOCK (a veto must be on record
 * even without a reason), every DISAGREE that gives a reason, and the proposal's visible CONCERN
 * comments. Hidden comments were moderated out and stay out. Comments are read straight from the
 * comment table (another module owns writing them).
 */
export async function collectDissent(em: EntityManager, scope: DissentScope): Promise<DissentItem[]> {
  const named = scope.ballot === 'OPEN' && scope.dissentNamed;
  const secret = scope.ballot === 'SECRET';
  const shownSectors = new Set(scope.raw.bySector.filter((s) => s.total >= scope.minVoters).map((s) => s.sector));
  const votes = await em.query<DissentVoteRow[]>(
    `SELECT v.id, v.sector, v.choice, v.reason, p.display_name
       FROM vote v JOIN participant p ON p.id = v.participant_id
      WHERE v.round_id = $1 AND (v.choice = 'BLOCK' OR (v.choice = 'DISAGREE' AND v.reason IS NOT NULL))
      ORDER BY v.event_id`,
    [scope.roundId],
  );
  const concerns = await em.query<ConcernRow[]>(
    `SELECT c.id, c.sector, c.body, p.display_name
       FROM comment c JOIN participant p ON p.id = c.author_id
      WHERE c.proposal_id = $1 AND c.stance = 'CONCERN' AND c.hidden_at IS NULL
      ORDER BY c.created_at, c.id`,
    [scope.proposalId],
  );
  return [
    ...votes.map(
      (v): DissentItem => ({
        id: `v:${v.id}`,
        kind: 'VOTE',
        sector: secret && !shownSectors.has(v.sector) ? null : v.sector,
        choice: v.choice,
        stance: null,
        text: v.reason,
        authorName: named ? v.display_name : null,
      }),
    ),
    ...concerns.map(
      (c): DissentItem => ({
        id: `c:${c.id}`,
        kind: 'COMMENT',
        sector: c.sector,
        choice: null,
        stance: 'CONCERN',
        text: c.body,
        authorName: named ? c.display_name : null,
      }),
    ),
  ];
}
