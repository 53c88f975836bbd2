import { nonAbstaining, type Tally } from '../tally';
import { meetsThreshold, reasons, type Decision, type DecisionReason } from './decision';
import { checkQuorum } from './quorum';
import { normalizeRuleParams, type RuleParams } from './rule-params';

/**
 * SUPERMAJORITY: adopted when agree ≥ threshold (default 2/3) of agree + disagree + block.
 * Blocks count as disagree; abstentions are ignored; no position taken at all → REJECTED.
 */
export function decideSupermajority(tally: Tally, params?: RuleParams): Decision {
  const p = normalizeRuleParams('SUPERMAJORITY', params);
  const why: DecisionReason[] = [];
  const quorum = checkQuorum(tally, p.quorum);
  if (quorum.reason) why.push(quorum.reason);
  if (!quorum.met) return { outcome: 'NO_QUORUM', reasons: why, params: p };

  const n = nonAbstaining(tally);
  if (n === 0) return { outcome: 'REJECTED', reasons: [...why, reasons.noVotes()], params: p };
  if (meetsThreshold(tally.agree, n, p.threshold)) {
    return { outcome: 'ADOPTED', reasons: [...why, reasons.thresholdMet(tally.agree, n, p.threshold)], params: p };
  }
  return { outcome: 'REJECTED', reasons: [...why, reasons.thresholdNotMet(tally.agree, n, p.threshold)], params: p };
}
