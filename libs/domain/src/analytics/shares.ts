import { nonAbstaining, type ChoiceCounts } from '../tally';

/** agree / (agree + disagree + block); null when nobody took a position. */
export function rawAgreeShare(counts: ChoiceCounts): number | null {
  const n = nonAbstaining(counts);
  return n === 0 ? null : counts.agree / n;
}

/**
 * (agree + 1) / (non-abstaining + 2): Pol.is-style small-sample correction (a Beta(1,1) prior), so a
 * sector of one enthusiastic voter reads 2/3, not 100%, and a lone objector 1/3, not 0%.
 * Always in (0, 1); 1/2 with no votes.
 */
export function correctedAgreeShare(counts: ChoiceCounts): number {
  return (counts.agree + 1) / (nonAbstaining(counts) + 2);
}
