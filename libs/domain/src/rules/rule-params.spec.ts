import { DECISION_RULES } from '../enums';
import { normalizeRuleParams, RULE_DEFAULTS, RuleParamError } from './rule-params';

describe('normalizeRuleParams', () => {
  it('fills in the defaults of each rule', () => {
    expect(normalizeRuleParams('MAJORITY')).toEqual({ threshold: 0.5, quorum: 0, minSectors: 1 });
    expect(normalizeRuleParams('SUPERMAJORITY')).toEqual({ threshold: 2 / 3, quorum: 0, minSectors: 1 });
    expect(normalizeRuleParams('CONSENSUS')).toEqual({ threshold: 0.75, quorum: 0, minSectors: 1 });
    expect(normalizeRuleParams('CROSS_SECTOR')).toEqual({ threshold: 0.6, quorum: 0, minSectors: 4 });
    for (const rule of DECISION_RULES) expect(normalizeRuleParams(rule, {})).toEqual(RULE_DEFAULTS[rule]);
  });

  it('keeps given values where the rule applies them', () => {
    expect(normalizeRuleParams('CROSS_SECTOR', { threshold: 1, quorum: 12, minSectors: 7 })).toEqual({
      threshold: 1,
      quorum: 12,
      minSectors: 7,
    });
    expect(normalizeRuleParams('SUPERMAJORITY', { threshold: 0.8, minSectors: 6 })).toEqual({
      threshold: 0.8,
      quorum: 0,
      minSectors: 1,
    });
  });

  it.each([0, -0.1, 1.01, Number.NaN, Number.POSITIVE_INFINITY, '0.5' as unknown as number])(
    'rejects threshold %p',
    (threshold) => {
      expect(() => normalizeRuleParams('CONSENSUS', { threshold })).toThrow(RuleParamError);
    },
  );

  it.each([-1, 1.5, Number.NaN])('rejects quorum %p', (quorum) => {
    expect(() => normalizeRuleParams('MAJORITY', { quorum })).toThrow(RuleParamError);
  });

  it.each([0, 8, 2.5])('rejects minSectors %p', (minSectors) => {
    expect(() => normalizeRuleParams('CROSS_SECTOR', { minSectors })).toThrow(RuleParamError);
  });

  it('throws a coded error with messages in both languages', () => {
    try {
      normalizeRuleParams('CROSS_SECTOR', { minSectors: 9 });
      throw new Error('expected a RuleParamError');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleParamError);
      const err = e as RuleParamError;
      expect(err.code).toBe('INVALID_RULE_PARAMS');
      expect(err.field).toBe('minSectors');
      expect(err.ja).toContain('最低分野数');
      expect(err.en).toBe('minSectors must be an integer from 1 to 7, got 9');
      expect(err.message).toBe(err.en);
    }
  });
});
