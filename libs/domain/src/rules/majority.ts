import type { Tally } from '../tally';
import { reasons, type Decision, type DecisionReason } from './decision';
import { checkQuorum } from './quorum';
import { normalizeRuleParams, type RuleParams } from './rule-params';

/**
 * MAJORITY: adopted when agree > disagree + block (a block is a strong "no", so here it counts as
 * disagree). Abstentions are ignored; a tie is not adopted; with no position taken at all the
 * proposal is rejected. An unmet quorum gives NO_QUORUM before anything else.
 */
export function decideMajority(tally: Tally, params?: RuleParams): Decision {
  const p = normalizeRuleParams('MAJORITY', params);
  const why: DecisionReason[] = [];
  const quorum = checkQuorum(tally, p.quorum);
  if (quorum.reason) why.push(quorum.reason);
  if (!quorum.met) return { outcome: 'NO_QUORUM', reasons: why, params: p };

  const against = tally.disagree + tally.block;
  if (tally.agree + against === 0) return { outcome: 'REJECTED', reasons: [...why, reasons.noVotes()], params: p };
  if (tally.agree > against) {
    return { outcome: 'ADOPTED', reasons: [...why, reasons.majorityReached(tally.agree, against)], params: p };
  }
  const r =
    tally.agree === against ? reasons.tie(tally.agree, against) : reasons.majorityNotReached(tally.agree, against);
  return { outcome: 'REJECTED', reasons: [...why, r], params: p };
}
