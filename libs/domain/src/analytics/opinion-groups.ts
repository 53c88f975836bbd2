import { PCA } from 'ml-pca';
import type { VoteChoice } from '../enums';
import { SECTORS, type Sector } from '../sectors';
import { kmeans, silhouette } from './kmeans';

export interface OpinionVote {
  participantId: string;
  proposalId: string;
  choice: VoteChoice;
}

export interface OpinionGroup {
  /** 0-based; groups are ordered by size (largest first), then by their smallest member id. */
  id: number;
  /** Participant ids, sorted. */
  members: string[];
}

export interface OpinionGroups {
  groups: OpinionGroup[];
  /** For every proposal (sorted by id) and group: how that group voted. */
  byProposal: { proposalId: string; groupId: number; agreeShare: number | null; voters: number }[];
  /** Participants on the first two principal components, for a scatter plot (all 0 when not computed). */
  points: { participantId: string; x: number; y: number; groupId: number }[];
  k: number;
  /** Mean silhouette width of the chosen grouping; null for a single group. */
  silhouette: number | null;
}

const VALUE: Record<VoteChoice, number> = { AGREE: 1, DISAGREE: -1, BLOCK: -1, ABSTAIN: 0 };
const MIN_PARTICIPANTS = 4;
const MAX_K = 4;

/**
 * Opinion groups, Pol.is style. Participants × proposals matrix (AGREE 1, DISAGREE/BLOCK −1,
 * ABSTAIN or no vote 0; if a participant appears twice on a proposal the last vote counts), PCA to
 * two components (centred, not scaled), then k-means. Without opts.k, k is the value in
 * 2..min(4, n − 1) with the highest mean silhouette (ties → fewer groups). Fewer than 4
 * participants, or everyone voting identically, gives one group. Deterministic for a given seed.
 */
export function opinionGroups(
  votes: ReadonlyArray<OpinionVote>,
  opts: { k?: number; seed?: number } = {},
): OpinionGroups {
  if (opts.k !== undefined && !(Number.isInteger(opts.k) && opts.k >= 1)) {
    throw new RangeError(`k must be a positive integer, got ${opts.k}`);
  }
  const participants = [...new Set(votes.map((v) => v.participantId))].sort();
  const proposals = [...new Set(votes.map((v) => v.proposalId))].sort();
  const row = new Map(participants.map((id, i) => [id, i]));
  const col = new Map(proposals.map((id, j) => [id, j]));
  const matrix = participants.map(() => proposals.map(() => 0));
  for (const v of votes)
    (matrix[row.get(v.participantId) as number] as number[])[col.get(v.proposalId) as number] = VALUE[v.choice];

  let labels = participants.map(() => 0);
  let coords = participants.map(() => [0, 0]);
  let score: number | null = null;
  const distinctRows = new Set(matrix.map((r) => r.join(','))).size;
  if (participants.length >= MIN_PARTICIPANTS && distinctRows > 1 && opts.k !== 1) {
    const nComponents = Math.min(2, proposals.length);
    const projected = new PCA(matrix, { center: true, scale: false }).predict(matrix, { nComponents }).to2DArray();
    coords = projected.map((p) => [p[0] ?? 0, p[1] ?? 0]);
    const seed = opts.seed ?? 42;
    const candidates =
      opts.k !== undefined
        ? [Math.min(opts.k, distinctRows)]
        : range(2, Math.min(MAX_K, participants.length - 1, distinctRows));
    for (const k of candidates) {
      const result = kmeans(coords, k, { seed });
      const s = silhouette(coords, result.labels);
      if (score === null || (s !== null && s > score + 1e-12)) {
        score = s;
        labels = result.labels;
      }
    }
  }

  const groups = toGroups(participants, labels);
  const groupOf = new Map<string, number>();
  for (const g of groups) for (const m of g.members) groupOf.set(m, g.id);
  return {
    groups,
    byProposal: byProposal(votes, proposals, groups, groupOf),
    points: participants.map((participantId, i) => ({
      participantId,
      x: (coords[i] as number[])[0] as number,
      y: (coords[i] as number[])[1] as number,
      groupId: groupOf.get(participantId) as number,
    })),
    k: groups.length,
    silhouette: groups.length > 1 ? score : null,
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i += 1) out.push(i);
  return out;
}

function toGroups(participants: ReadonlyArray<string>, labels: ReadonlyArray<number>): OpinionGroup[] {
  const byLabel = new Map<number, string[]>();
  participants.forEach((id, i) => {
    const l = labels[i] as number;
    byLabel.set(l, [...(byLabel.get(l) ?? []), id]);
  });
  return [...byLabel.values()]
    .sort((a, b) => b.length - a.length || ((a[0] as string) < (b[0] as string) ? -1 : 1))
    .map((members, id) => ({ id, members }));
}

function byProposal(
  votes: ReadonlyArray<OpinionVote>,
  proposals: ReadonlyArray<string>,
  groups: ReadonlyArray<OpinionGroup>,
  groupOf: ReadonlyMap<string, number>,
): OpinionGroups['byProposal'] {
  const latest = new Map<string, OpinionVote>();
  for (const v of votes) latest.set(`${v.proposalId}\u0000${v.participantId}`, v);
  const counts = new Map<string, { agree: number; against: number; voters: number }>();
  for (const v of latest.values()) {
    const key = `${v.proposalId}\u0000${groupOf.get(v.participantId) as number}`;
    const c = counts.get(key) ?? { agree: 0, against: 0, voters: 0 };
    c.voters += 1;
    if (v.choice === 'AGREE') c.agree += 1;
    else if (v.choice !== 'ABSTAIN') c.against += 1;
    counts.set(key, c);
  }
  return proposals.flatMap((proposalId) =>
    groups.map((g) => {
      const c = counts.get(`${proposalId}\u0000${g.id}`);
      const taken = c ? c.agree + c.against : 0;
      return {
        proposalId,
        groupId: g.id,
        agreeShare: c && taken > 0 ? c.agree / taken : null,
        voters: c ? c.voters : 0,
      };
    }),
  );
}

export interface SplitSector {
  sector: Sector;
  members: number;
  byGroup: { groupId: number; count: number }[];
}

/**
 * Sectors divided among themselves: members (those in some group) fall in at least two opinion
 * groups and no group holds `dominance` (default 70%) or more of them. A sector with one member
 * cannot be split. Useful so a "sector position" is not read into a sector that has none.
 */
export function splitSectors(
  groups: ReadonlyArray<{ id: number; members: ReadonlyArray<string> }>,
  participants: ReadonlyArray<{ participantId: string; sector: Sector }>,
  dominance = 0.7,
): SplitSector[] {
  const groupOf = new Map<string, number>();
  for (const g of groups) for (const m of g.members) groupOf.set(m, g.id);
  const out: SplitSector[] = [];
  for (const sector of SECTORS) {
    const counts = new Map<number, number>();
    const seen = new Set<string>();
    for (const p of participants) {
      const g = groupOf.get(p.participantId);
      if (p.sector !== sector || g === undefined || seen.has(p.participantId)) continue;
      seen.add(p.participantId);
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    const members = seen.size;
    const largest = Math.max(0, ...counts.values());
    if (counts.size >= 2 && largest / members < dominance) {
      const byGroup = [...counts.entries()]
        .map(([groupId, count]) => ({ groupId, count }))
        .sort((a, b) => a.groupId - b.groupId);
      out.push({ sector, members, byGroup });
    }
  }
  return out;
}
