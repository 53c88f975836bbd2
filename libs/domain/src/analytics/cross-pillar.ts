import { SECTORS, type Sector } from '../sectors';
import type { Tally } from '../tally';
import { rawAgreeShare } from './shares';

export interface CrossPillarCell {
  pillarId: string;
  sector: Sector;
  /** Mean over the pillar's proposals on which the sector took a position; null if none. */
  meanAgreeShare: number | null;
  /** How many proposals that mean is over. */
  proposals: number;
}

/**
 * Per pillar and sector, the mean agree share (each proposal weighs the same): which sectors are
 * with which pillar. Pillars in first-seen order, every sector listed.
 */
export function crossPillar(items: ReadonlyArray<{ pillarId: string; tally: Tally }>): CrossPillarCell[] {
  const pillars: string[] = [];
  const sums = new Map<string, { sum: number; n: number }>();
  for (const item of items) {
    if (!pillars.includes(item.pillarId)) pillars.push(item.pillarId);
    for (const row of item.tally.bySector) {
      const share = rawAgreeShare(row);
      if (share === null) continue;
      const key = `${item.pillarId}\u0000${row.sector}`;
      const acc = sums.get(key) ?? { sum: 0, n: 0 };
      acc.sum += share;
      acc.n += 1;
      sums.set(key, acc);
    }
  }
  return pillars.flatMap((pillarId) =>
    SECTORS.map((sector) => {
      const acc = sums.get(`${pillarId}\u0000${sector}`);
      return { pillarId, sector, meanAgreeShare: acc ? acc.sum / acc.n : null, proposals: acc ? acc.n : 0 };
    }),
  );
}
