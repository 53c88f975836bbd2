import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { bridgingScore, emptyCounts, mergeSmallSectors, SECTORS, type Ballot, type ChoiceCounts, type Sector, type Tally, type VoteChoice } from '@yoriai/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { VotingRoundEntity } from './voting-round.entity';

/** Secret ballots never show a sector (or group) with fewer voters than this (DESIGN.md §2). */
export const SECRET_MIN_VOTERS = 3;

export interface RoundTally {
  roundId: string;
  proposalId: string;
  processId: string;
  ballot: Ballot;
  status: 'OPEN' | 'CLOSED';
  /** Per-sector counts as cast: decisions and the bridging score use these; never shown for secret ballots. */
  raw: Tally;
  /** What may leave the server once it may be shown: the raw tally for open ballots, small sectors merged for secret ones. */
  shown: Tally;
  /** Voters so far (one current vote each): the only figure of a sealed round that leaves the server. */
  turnout: number;
  /**
   * A SECRET round still OPEN: its tally, bridging score and per-sector figures stay on the server
   * until it closes (watching them change vote by vote would reveal who chose what).
   */
  sealed: boolean;
  /**
   * libs/domain bridgingScore on the tally that may be shown: the raw one for open ballots, the
   * merged one for secret ballots (a one-voter sector's score would reveal that vote).
   */
  bridgingScore: number | null;
}

interface CountRow {
  sector: Sector;
  choice: VoteChoice;
  n: number;
}

const CHOICE_KEY: Record<VoteChoice, keyof Omit<ChoiceCounts, 'total'>> = { AGREE: 'agree', DISAGREE: 'disagree', ABSTAIN: 'abstain', BLOCK: 'block' };

/** Builds a Tally (libs/domain shape, 産官学金労言 order) from `GROUP BY sector, choice` counts. */
export function tallyFromCounts(rows: ReadonlyArray<CountRow>): Tally {
  const totals = emptyCounts();
  const bySector = new Map<Sector, ChoiceCounts>();
  for (const row of rows) {
    const key = CHOICE_KEY[row.choice];
    if (!key || !SECTORS.includes(row.sector)) throw new TypeError(`unexpected vote row ${row.sector}/${row.choice}`);
    const counts = bySector.get(row.sector) ?? emptyCounts();
    bySector.set(row.sector, counts);
    counts[key] += row.n;
    counts.total += row.n;
    totals[key] += row.n;
    totals.total += row.n;
  }
  return { ...totals, bySector: SECTORS.filter((s) => bySector.has(s)).map((sector) => ({ sector, ...(bySector.get(sector) as ChoiceCounts) })) };
}

export function shownTally(ballot: Ballot, raw: Tally): Tally {
  return ballot === 'SECRET' ? mergeSmallSectors(raw, SECRET_MIN_VOTERS) : raw;
}

/**
 * Tallies are always counted from the vote table (one current vote per participant), never kept in a
 * counter row: the vote path stays a pure append/upsert and any screen can be healed by a refetch.
 * The realtime engine builds its `vote.tally` events from `currentTally`/`tallyForRound`.
 */
@Injectable()
export class TallyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The raw tally of a round, counted now (inside the caller's transaction when given). */
  async rawTally(roundId: string, em: EntityManager = this.dataSource.manager): Promise<Tally> {
    const rows: CountRow[] = await em.query('SELECT sector, choice, count(*)::int AS n FROM vote WHERE round_id = $1 GROUP BY sector, choice', [roundId]);
    return tallyFromCounts(rows);
  }

  /** The tally of the proposal's open round, or else of its last closed round; null before any round. */
  async currentTally(proposalId: string, em: EntityManager = this.dataSource.manager): Promise<RoundTally | null> {
    const round = await latestRound(em, proposalId);
    return round ? this.forRound(round, em) : null;
  }

  async tallyForRound(roundId: string, em: EntityManager = this.dataSource.manager): Promise<RoundTally | null> {
    const [round] = await em.query<RoundRow[]>(`SELECT ${ROUND_COLUMNS} FROM voting_round WHERE id = $1`, [roundId]);
    return round ? this.forRound(toRoundEntity(round), em) : null;
  }

  async forRound(round: VotingRoundEntity, em: EntityManager = this.dataSource.manager): Promise<RoundTally> {
    return toRoundTally(round, await this.rawTally(round.id, em));
  }
}

/** A SECRET round that is still OPEN: only its turnout may leave the server. */
export function isSealed(round: Pick<VotingRoundEntity, 'ballot' | 'status'>): boolean {
  return round.ballot === 'SECRET' && round.status === 'OPEN';
}

/**
 * SQL condition (on a voting_round alias) for rounds whose votes may be shown or analysed: every round
 * but an open secret one. Analytics, missing voices and representation use it.
 */
export const UNSEALED = (alias: string) => `NOT (${alias}.ballot = 'SECRET' AND ${alias}.status = 'OPEN')`;

export function toRoundTally(round: VotingRoundEntity, raw: Tally): RoundTally {
  const ballot = round.ballot as Ballot;
  const shown = shownTally(ballot, raw);
  return {
    roundId: round.id,
    proposalId: round.proposalId,
    processId: round.processId,
    ballot,
    status: round.status,
    raw,
    shown,
    turnout: raw.total,
    sealed: isSealed(round),
    bridgingScore: bridgingScore(shown),
  };
}

export const ROUND_COLUMNS =
  'id, proposal_id, process_id, proposal_version, rule, params, ballot, status, opened_by_id, opened_at, closed_at, closed_by_id, record_id';

export interface RoundRow {
  id: string;
  proposal_id: string;
  process_id: string;
  proposal_version: number;
  rule: string;
  params: VotingRoundEntity['params'];
  ballot: string;
  status: 'OPEN' | 'CLOSED';
  opened_by_id: string;
  opened_at: Date;
  closed_at: Date | null;
  closed_by_id: string | null;
  record_id: string | null;
}

export function toRoundEntity(r: RoundRow): VotingRoundEntity {
  return {
    id: r.id,
    proposalId: r.proposal_id,
    processId: r.process_id,
    proposalVersion: r.proposal_version,
    rule: r.rule,
    params: r.params,
    ballot: r.ballot,
    status: r.status,
    openedById: r.opened_by_id,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    closedById: r.closed_by_id,
    recordId: r.record_id,
  };
}

/**
 * The proposal's open round, else its most recent closed round. The process_id condition lets
 * PostgreSQL use ix_voting_round_process (there is no plain index on proposal_id).
 */
export async function latestRound(em: EntityManager, proposalId: string): Promise<VotingRoundEntity | null> {
  const [row] = await em.query<RoundRow[]>(
    `SELECT ${ROUND_COLUMNS} FROM voting_round
      WHERE process_id = (SELECT process_id FROM proposal WHERE id = $1) AND proposal_id = $1
      ORDER BY (status = 'OPEN') DESC, opened_at DESC LIMIT 1`,
    [proposalId],
  );
  return row ? toRoundEntity(row) : null;
}
