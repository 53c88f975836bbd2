import type { DecisionRule } from '../enums';
import { SECTORS } from '../sectors';

export interface RuleParams {
  /** Share of non-abstaining votes that must agree (in (0, 1]). */
  threshold?: number;
  /** Minimum number of votes cast, abstentions included; 0 = no quorum. */
  quorum?: number;
  /** CROSS_SECTOR: minimum number of sectors that took a position (1..7). */
  minSectors?: number;
}

/**
 * Defaults per rule. MAJORITY's 1/2 is fixed (agree must be strictly more than the votes against),
 * and minSectors only applies to CROSS_SECTOR; elsewhere it is recorded as 1, i.e. no constraint.
 */
export const RULE_DEFAULTS: Readonly<Record<DecisionRule, Readonly<Required<RuleParams>>>> = {
  MAJORITY: { threshold: 0.5, quorum: 0, minSectors: 1 },
  SUPERMAJORITY: { threshold: 2 / 3, quorum: 0, minSectors: 1 },
  CONSENSUS: { threshold: 3 / 4, quorum: 0, minSectors: 1 },
  CROSS_SECTOR: { threshold: 0.6, quorum: 0, minSectors: 4 },
};

/** Coded error for bad rule parameters; `code` maps to the GraphQL error extension. */
export class RuleParamError extends Error {
  readonly code = 'INVALID_RULE_PARAMS' as const;
  constructor(
    readonly field: keyof RuleParams | 'rule',
    readonly ja: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'RuleParamError';
  }
}

const KNOWN_RULES: ReadonlyArray<string> = Object.keys(RULE_DEFAULTS);

/**
 * Validates and fills in defaults. Values are validated even where a rule ignores them, so a typo
 * never passes silently; what the rule actually applied is what the returned params say
 * (MAJORITY always reports threshold 0.5; only CROSS_SECTOR keeps minSectors).
 */
export function normalizeRuleParams(rule: DecisionRule, params: RuleParams = {}): Required<RuleParams> {
  if (!KNOWN_RULES.includes(rule)) {
    throw new RuleParamError('rule', `不明な決定ルールです: ${String(rule)}`, `Unknown decision rule: ${String(rule)}`);
  }
  const { threshold, quorum, minSectors } = params;
  if (threshold !== undefined && !(typeof threshold === 'number' && threshold > 0 && threshold <= 1)) {
    throw new RuleParamError(
      'threshold',
      `基準（threshold）は 0 より大きく 1 以下の数で指定してください（${String(threshold)}）`,
      `threshold must be a number in (0, 1], got ${String(threshold)}`,
    );
  }
  if (quorum !== undefined && !(Number.isSafeInteger(quorum) && quorum >= 0)) {
    throw new RuleParamError(
      'quorum',
      `定足数（quorum）は 0 以上の整数で指定してください（${String(quorum)}）`,
      `quorum must be an integer ≥ 0, got ${String(quorum)}`,
    );
  }
  if (minSectors !== undefined && !(Number.isInteger(minSectors) && minSectors >= 1 && minSectors <= SECTORS.length)) {
    throw new RuleParamError(
      'minSectors',
      `最低分野数（minSectors）は 1 から ${SECTORS.length} の整数で指定してください（${String(minSectors)}）`,
      `minSectors must be an integer from 1 to ${SECTORS.length}, got ${String(minSectors)}`,
    );
  }
  const defaults = RULE_DEFAULTS[rule];
  return {
    threshold: rule === 'MAJORITY' ? defaults.threshold : (threshold ?? defaults.threshold),
    quorum: quorum ?? defaults.quorum,
    minSectors: rule === 'CROSS_SECTOR' ? (minSectors ?? defaults.minSectors) : defaults.minSectors,
  };
}
