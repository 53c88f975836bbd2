import fc from 'fast-check';
import { DECISION_RULES, OUTCOMES } from '../enums';
import { arbParams, arbRule, arbSector, arbVotes, arbVotesShuffled } from '../testing/arbitraries';
import { tallyVotes } from '../tally';
import { decide } from './decide';
import { RuleParamError } from './rule-params';

describe('decide (all rules)', () => {
  it('adding an AGREE never turns ADOPTED into REJECTED', () => {
    fc.assert(
      fc.property(arbRule, arbVotes, arbParams, arbSector, (rule, votes, params, sector) => {
        const before = decide(rule, tallyVotes(votes), params);
        const after = decide(rule, tallyVotes([...votes, { sector, choice: 'AGREE' }]), params);
        if (before.outcome === 'ADOPTED') expect(after.outcome).toBe('ADOPTED');
      }),
    );
  });

  it('adding a DISAGREE never turns REJECTED into ADOPTED', () => {
    fc.assert(
      fc.property(arbRule, arbVotes, arbParams, arbSector, (rule, votes, params, sector) => {
        const before = decide(rule, tallyVotes(votes), params);
        const after = decide(rule, tallyVotes([...votes, { sector, choice: 'DISAGREE' }]), params);
        if (before.outcome === 'REJECTED') expect(after.outcome).toBe('REJECTED');
      }),
    );
  });

  it('does not depend on the order of votes', () => {
    fc.assert(
      fc.property(arbRule, arbVotesShuffled, arbParams, (rule, [votes, shuffled], params) => {
        expect(decide(rule, tallyVotes(shuffled), params)).toEqual(decide(rule, tallyVotes(votes), params));
      }),
    );
  });

  it('gives NO_QUORUM exactly when fewer votes than the quorum were cast', () => {
    fc.assert(
      fc.property(arbRule, arbVotes, arbParams, (rule, votes, params) => {
        const t = tallyVotes(votes);
        expect(decide(rule, t, params).outcome === 'NO_QUORUM').toBe(t.total < (params.quorum ?? 0));
      }),
    );
  });

  it('always returns a known outcome, at least one reason and complete params', () => {
    fc.assert(
      fc.property(arbRule, arbVotes, arbParams, (rule, votes, params) => {
        const d = decide(rule, tallyVotes(votes), params);
        expect(OUTCOMES).toContain(d.outcome);
        expect(d.reasons.length).toBeGreaterThan(0);
        for (const r of d.reasons) expect(r.ja.length * r.en.length).toBeGreaterThan(0);
        expect(Object.keys(d.params).sort()).toEqual(['minSectors', 'quorum', 'threshold']);
      }),
    );
  });

  it('treats zero votes as REJECTED under every rule', () => {
    for (const rule of DECISION_RULES) expect(decide(rule, tallyVotes([])).outcome).toBe('REJECTED');
  });

  it('throws RuleParamError on invalid params and on an unknown rule', () => {
    expect(() => decide('CONSENSUS', tallyVotes([]), { threshold: 0 })).toThrow(RuleParamError);
    expect(() => decide('NOPE' as never, tallyVotes([]))).toThrow(RuleParamError);
  });
});
