import { nonAbstaining, type Tally } from '../tally';
import { meetsThreshold, reasons, type Decision, type DecisionReason } from './decision';
import { checkQuorum } from './quorum';
import { normalizeRuleParams, type RuleParams } from './rule-params';

/**
 * CONSENSUS (consent): adopted when nobody blocks and agree ≥ threshold (default 3/4) of
 * agree + disagree + block. A single block rejects whatever the numbers; both the block and the
 * share are reported, so the room sees how far the proposal is from consent.
 */
export function decideConsensus(tally: Tally, params?: RuleParams): Decision {
  const p = normalizeRuleParams('CONSENSUS', params);
  const why: DecisionReason[] = [];
  const quorum = checkQuorum(tally, p.quorum);
  if (quorum.reason) why.push(quorum.reason);
  if (!quorum.met) return { outcome: 'NO_QUORUM', reasons: why, params: p };

  const n = nonAbstaining(tally);
  if (n === 0) return { outcome: 'REJECTED', reasons: [...why, reasons.noVotes()], params: p };
  const blocked = tally.block > 0;
  const blockers = tally.bySector.filter((s) => s.block > 0).map((s) => s.sector);
  why.push(blocked ? reasons.blocked(tally.block, blockers) : reasons.noBlock());
  const met = meetsThreshold(tally.agree, n, p.threshold);
  why.push(
    met ? reasons.thresholdMet(tally.agree, n, p.threshold) : reasons.thresholdNotMet(tally.agree, n, p.threshold),
  );
  return { outcome: !blocked && met ? 'ADOPTED' : 'REJECTED', reasons: why, params: p };
}
