import fc from 'fast-check';
import { arbVotes, tallyOf } from '../testing/arbitraries';
import { nonAbstaining, tallyVotes } from '../tally';
import { decideSupermajority } from './supermajority';

const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);

describe('SUPERMAJORITY', () => {
  it('adopts at exactly two thirds', () => {
    const d = decideSupermajority(tallyOf({ INDUSTRY: { agree: 2 }, FINANCE: { disagree: 1 } }));
    expect(d.outcome).toBe('ADOPTED');
    expect(codes(d)).toEqual(['THRESHOLD_MET']);
    expect(d.reasons[0]?.ja).toBe('賛成 66.6%（2/3）≥ 基準 66.6%');
    expect(decideSupermajority(tallyOf({ INDUSTRY: { agree: 6, disagree: 3 } })).outcome).toBe('ADOPTED');
  });

  it('rejects just below two thirds', () => {
    const d = decideSupermajority(tallyOf({ INDUSTRY: { agree: 3, disagree: 2 } }));
    expect(d.outcome).toBe('REJECTED');
    expect(codes(d)).toEqual(['THRESHOLD_NOT_MET']);
    expect(d.reasons[0]?.en).toBe('60% agree (3/5) < 66.6%');
  });

  it('meets a 0.6 threshold with 3 of 5 despite float rounding', () => {
    expect(decideSupermajority(tallyOf({ INDUSTRY: { agree: 3, disagree: 2 } }), { threshold: 0.6 }).outcome).toBe(
      'ADOPTED',
    );
  });

  it('counts a block against but not as a veto', () => {
    expect(decideSupermajority(tallyOf({ INDUSTRY: { agree: 2 }, LABOUR: { block: 1 } })).outcome).toBe('ADOPTED');
    expect(decideSupermajority(tallyOf({ INDUSTRY: { agree: 1 }, LABOUR: { block: 1 } })).outcome).toBe('REJECTED');
  });

  it('ignores abstentions', () => {
    expect(decideSupermajority(tallyOf({ INDUSTRY: { agree: 2, disagree: 1, abstain: 9 } })).outcome).toBe('ADOPTED');
  });

  it('rejects when everyone abstains or nobody voted', () => {
    expect(codes(decideSupermajority(tallyOf({ MEDIA: { abstain: 3 } })))).toEqual(['NO_VOTES']);
    expect(decideSupermajority(tallyVotes([])).outcome).toBe('REJECTED');
  });

  it('applies the quorum before the threshold', () => {
    const t = tallyOf({ INDUSTRY: { agree: 5 } });
    expect(decideSupermajority(t, { quorum: 6 }).outcome).toBe('NO_QUORUM');
    expect(decideSupermajority(t, { quorum: 5 }).outcome).toBe('ADOPTED');
  });

  it('with threshold 1 requires every non-abstaining vote to agree', () => {
    expect(decideSupermajority(tallyOf({ INDUSTRY: { agree: 9, abstain: 2 } }), { threshold: 1 }).outcome).toBe(
      'ADOPTED',
    );
    expect(decideSupermajority(tallyOf({ INDUSTRY: { agree: 9, disagree: 1 } }), { threshold: 1 }).outcome).toBe(
      'REJECTED',
    );
  });

  it('matches exact rational arithmetic for thresholds in hundredths (property)', () => {
    fc.assert(
      fc.property(arbVotes, fc.integer({ min: 1, max: 100 }), (votes, pct) => {
        const t = tallyVotes(votes);
        const n = nonAbstaining(t);
        const expected = n > 0 && t.agree * 100 >= pct * n;
        expect(decideSupermajority(t, { threshold: pct / 100 }).outcome === 'ADOPTED').toBe(expected);
      }),
    );
  });
});
