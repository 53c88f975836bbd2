import { nonAbstaining, type Tally } from '../tally';
import type { Sector } from '../sectors';
import { rawAgreeShare } from './shares';

export interface SectorWeightedTally {
  /** Mean of the sector agree shares: every sector that took a position weighs the same. */
  agreeShare: number | null;
  /** The plain agree / non-abstaining share over all votes, to show beside it. */
  rawAgreeShare: number | null;
  /** Sectors that took a position (≥ 1 non-abstaining vote). */
  sectors: number;
  bySector: { sector: Sector; agreeShare: number; nonAbstaining: number }[];
}

/**
 * One sector, one voice: a room of twenty from industry and three from labour otherwise reads as
 * industry's opinion. Always show it beside the raw figures, never instead of them.
 */
export function sectorWeightedTally(tally: Tally): SectorWeightedTally {
  const bySector = tally.bySector
    .filter((s) => nonAbstaining(s) > 0)
    .map((s) => ({ sector: s.sector, agreeShare: s.agree / nonAbstaining(s), nonAbstaining: nonAbstaining(s) }));
  const mean = bySector.length === 0 ? null : bySector.reduce((sum, s) => sum + s.agreeShare, 0) / bySector.length;
  return { agreeShare: mean, rawAgreeShare: rawAgreeShare(tally), sectors: bySector.length, bySector };
}
