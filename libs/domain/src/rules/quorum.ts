import type { ChoiceCounts } from '../tally';
import { reasons, type DecisionReason } from './decision';

/**
 * Quorum counts every vote cast, abstentions included: abstaining is taking part.
 * Returns the reason to report, and whether the round may be decided at all.
 */
export function checkQuorum(counts: ChoiceCounts, quorum: number): { met: boolean; reason: DecisionReason | null } {
  if (quorum <= 0) return { met: true, reason: null };
  if (counts.total < quorum) return { met: false, reason: reasons.quorumNotMet(counts.total, quorum) };
  return { met: true, reason: reasons.quorumMet(counts.total, quorum) };
}
