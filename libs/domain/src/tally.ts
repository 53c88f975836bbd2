import type { VoteChoice } from './enums';
import { SECTORS, type Sector } from './sectors';

export interface ChoiceCounts {
  agree: number;
  disagree: number;
  abstain: number;
  block: number;
  total: number;
}

export interface SectorTally extends ChoiceCounts {
  /** The sector; for a merged group (secret ballot), the group's first sector in SECTORS order. */
  sector: Sector;
  /** Present only on a merged group: every sector in it (including `sector`), in SECTORS order. */
  mergedSectors?: Sector[];
}

export interface Tally extends ChoiceCounts {
  /** SECTORS order; only sectors (or merged groups) with at least one vote. */
  bySector: SectorTally[];
}

export interface TallyVote {
  sector: Sector;
  choice: VoteChoice;
}

export function emptyCounts(): ChoiceCounts {
  return { agree: 0, disagree: 0, abstain: 0, block: 0, total: 0 };
}

/** Votes that take a position: agree, disagree and block. Abstentions are counted but neutral. */
export function nonAbstaining(counts: ChoiceCounts): number {
  return counts.agree + counts.disagree + counts.block;
}

function addChoice(counts: ChoiceCounts, choice: VoteChoice): void {
  switch (choice) {
    case 'AGREE':
      counts.agree += 1;
      break;
    case 'DISAGREE':
      counts.disagree += 1;
      break;
    case 'ABSTAIN':
      counts.abstain += 1;
      break;
    case 'BLOCK':
      counts.block += 1;
      break;
    default:
      throw new TypeError(`Unknown vote choice: ${String(choice)}`);
  }
  counts.total += 1;
}

function addCounts(into: ChoiceCounts, from: ChoiceCounts): void {
  into.agree += from.agree;
  into.disagree += from.disagree;
  into.abstain += from.abstain;
  into.block += from.block;
  into.total += from.total;
}

/** Counts the current votes (one per participant: the caller passes only the latest vote of each). */
export function tallyVotes(votes: ReadonlyArray<TallyVote>): Tally {
  const totals = emptyCounts();
  const bySector = new Map<Sector, ChoiceCounts>();
  for (const vote of votes) {
    if (!SECTORS.includes(vote.sector)) throw new TypeError(`Unknown sector: ${String(vote.sector)}`);
    let counts = bySector.get(vote.sector);
    if (!counts) {
      counts = emptyCounts();
      bySector.set(vote.sector, counts);
    }
    addChoice(counts, vote.choice);
    addChoice(totals, vote.choice);
  }
  return {
    ...totals,
    bySector: SECTORS.filter((s) => bySector.has(s)).map((sector) => ({
      sector,
      ...(bySector.get(sector) as ChoiceCounts),
    })),
  };
}

interface Group {
  sectors: Sector[];
  counts: ChoiceCounts;
}

function groupOf(rows: ReadonlyArray<SectorTally>): Group {
  const counts = emptyCounts();
  const sectors: Sector[] = [];
  for (const row of rows) {
    addCounts(counts, row);
    sectors.push(...(row.mergedSectors ?? [row.sector]));
  }
  return { sectors, counts };
}

function toSectorTally(group: Group): SectorTally {
  const sectors = SECTORS.filter((s) => group.sectors.includes(s));
  const row: SectorTally = { sector: sectors[0] as Sector, ...group.counts };
  if (sectors.length > 1) row.mergedSectors = sectors;
  return row;
}

/**
 * For secret ballots: hides per-sector figures of sectors with fewer than `minVoters` voters.
 *
 * All small sectors are pooled into one group. If that pool is itself still below `minVoters`,
 * it is folded into the smallest remaining sector (fewest voters; ties → earlier in SECTORS), so
 * no shown group is small enough to reveal how someone voted. If every sector is small, the result
 * is one group holding everything (then only the overall total is small, and that is public anyway).
 * Totals are unchanged. Use this for display only: decide and analyse on the unmerged tally.
 */
export function mergeSmallSectors(tally: Tally, minVoters = 3): Tally {
  if (!Number.isInteger(minVoters) || minVoters < 1) {
    throw new RangeError(`minVoters must be a positive integer, got ${minVoters}`);
  }
  const small = tally.bySector.filter((r) => r.total < minVoters);
  const large = tally.bySector.filter((r) => r.total >= minVoters);
  const totals: ChoiceCounts = {
    agree: tally.agree,
    disagree: tally.disagree,
    abstain: tally.abstain,
    block: tally.block,
    total: tally.total,
  };
  if (small.length === 0) return { ...totals, bySector: tally.bySector.map((r) => ({ ...r })) };

  const groups: Group[] = large.map((r) => groupOf([r]));
  const pool = groupOf(small);
  if (pool.counts.total >= minVoters || groups.length === 0) {
    groups.push(pool);
  } else {
    let smallest = groups[0] as Group;
    for (const g of groups) if (g.counts.total < smallest.counts.total) smallest = g;
    smallest.sectors.push(...pool.sectors);
    addCounts(smallest.counts, pool.counts);
  }
  const bySector = groups.map(toSectorTally).sort((a, b) => SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector));
  return { ...totals, bySector };
}
