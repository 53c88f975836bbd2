import type { DecisionRule } from '../enums';
import type { Tally } from '../tally';
import { decideConsensus } from './consensus';
import { decideCrossSector } from './cross-sector';
import type { Decision } from './decision';
import { decideMajority } from './majority';
import { RuleParamError, type RuleParams } from './rule-params';
import { decideSupermajority } from './supermajority';

/**
 * Applies a decision rule to a (raw, unmerged) tally. Deterministic: the same tally and params
 * always give the same outcome and reasons. Throws RuleParamError on invalid params.
 */
export function decide(rule: DecisionRule, tally: Tally, params?: RuleParams): Decision {
  switch (rule) {
    case 'MAJORITY':
      return decideMajority(tally, params);
    case 'SUPERMAJORITY':
      return decideSupermajority(tally, params);
    case 'CONSENSUS':
      return decideConsensus(tally, params);
    case 'CROSS_SECTOR':
      return decideCrossSector(tally, params);
    default:
      throw new RuleParamError(
        'rule',
        `不明な決定ルールです: ${String(rule)}`,
        `Unknown decision rule: ${String(rule)}`,
      );
  }
}
