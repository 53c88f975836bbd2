// The public surface of @yoriai/domain: pure TypeScript, no framework, safe in the browser.
export * from './sectors';
export * from './enums';
export * from './demographics';
export * from './proposal-lifecycle';
export * from './meeting-lifecycle';
export * from './permissions';
export * from './pillars';
export * from './tally';
export { formatPercent } from './format';

export { RULE_DEFAULTS, RuleParamError, normalizeRuleParams, type RuleParams } from './rules/rule-params';
export { meetsThreshold, type Decision, type DecisionReason } from './rules/decision';
export { decide } from './rules/decide';
export { decideMajority } from './rules/majority';
export { decideSupermajority } from './rules/supermajority';
export { decideConsensus } from './rules/consensus';
export { decideCrossSector } from './rules/cross-sector';

export { canonicalJson, CanonicalJsonError } from './canonical-json';
export * from './hash-chain';
export * from './version-diff';
export * from './join-code';

export { rawAgreeShare, correctedAgreeShare } from './analytics/shares';
export * from './analytics/bridging';
export * from './analytics/agreement-matrix';
export * from './analytics/missing-voices';
export * from './analytics/dialogue-index';
export * from './analytics/representation';
export * from './analytics/sector-weighted';
export * from './analytics/inclusion';
export * from './analytics/opinion-groups';
export * from './analytics/cross-pillar';
export * from './permissions';
export * from './delivery';
export * from './themes/index';
