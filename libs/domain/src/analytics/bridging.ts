import { nonAbstaining, type Tally } from '../tally';
import { correctedAgreeShare } from './shares';

/**
 * Bridging score: min over sectors with ≥ 1 non-abstaining vote of (agree + 1) / (non-abstaining + 2).
 * High only when every sector that took a position can live with the proposal; null when no sector
 * did. Compute it on the raw tally (a merged secret-ballot group would hide its weakest sector).
 */
export function bridgingScore(tally: Tally): number | null {
  let min: number | null = null;
  for (const s of tally.bySector) {
    if (nonAbstaining(s) === 0) continue;
    const share = correctedAgreeShare(s);
    if (min === null || share < min) min = share;
  }
  return min;
}

export type Ranked<T> = T & { score: number | null; voters: number };

/**
 * Items ordered for the projector: highest bridging score first, unscored last; ties go to the
 * item with more voters (votes cast, abstentions included), then to the smaller id, so the order
 * is total and stable.
 */
export function rankByBridging<T extends { id: string; tally: Tally }>(items: ReadonlyArray<T>): Ranked<T>[] {
  return items
    .map((item) => ({ ...item, score: bridgingScore(item.tally), voters: item.tally.total }))
    .sort((a, b) => {
      if (a.score !== b.score) {
        if (a.score === null) return 1;
        if (b.score === null) return -1;
        return b.score - a.score;
      }
      if (a.voters !== b.voters) return b.voters - a.voters;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
}
