import { nonAbstaining, type Tally } from '../tally';
import { meetsThreshold, reasons, type Decision, type DecisionReason } from './decision';
import { checkQuorum } from './quorum';
import { normalizeRuleParams, type RuleParams } from './rule-params';

/**
 * CROSS_SECTOR (産官学金労言合意): adopted when
 *  1. nobody blocks,
 *  2. at least `minSectors` (default 4) sectors voted — a sector "voted" when at least one of its
 *     members agreed, disagreed or blocked; a sector that only abstained took no position, so it
 *     neither counts towards minSectors nor can fail the threshold,
 *  3. in every sector that voted, agree ≥ threshold (default 0.6) of its non-abstaining votes.
 * Every failing condition is reported (each failing sector by name), so the facilitator knows
 * whom to talk to. Pass the raw tally, never a merged secret-ballot tally: merging hides sectors.
 */
export function decideCrossSector(tally: Tally, params?: RuleParams): Decision {
  const p = normalizeRuleParams('CROSS_SECTOR', params);
  const why: DecisionReason[] = [];
  const quorum = checkQuorum(tally, p.quorum);
  if (quorum.reason) why.push(quorum.reason);
  if (!quorum.met) return { outcome: 'NO_QUORUM', reasons: why, params: p };

  const voted = tally.bySector.filter((s) => nonAbstaining(s) > 0);
  if (voted.length === 0) return { outcome: 'REJECTED', reasons: [...why, reasons.noVotes()], params: p };

  const blockers = voted.filter((s) => s.block > 0).map((s) => s.sector);
  why.push(tally.block > 0 ? reasons.blocked(tally.block, blockers) : reasons.noBlock());

  const enough = voted.length >= p.minSectors;
  why.push(
    enough ? reasons.enoughSectors(voted.length, p.minSectors) : reasons.tooFewSectors(voted.length, p.minSectors),
  );

  const failing = voted.filter((s) => !meetsThreshold(s.agree, nonAbstaining(s), p.threshold));
  for (const s of failing) why.push(reasons.sectorBelowThreshold(s.sector, s.agree, nonAbstaining(s), p.threshold));
  if (failing.length === 0) why.push(reasons.allSectorsMet(voted.length, p.threshold));

  const adopted = tally.block === 0 && enough && failing.length === 0;
  return { outcome: adopted ? 'ADOPTED' : 'REJECTED', reasons: why, params: p };
}
