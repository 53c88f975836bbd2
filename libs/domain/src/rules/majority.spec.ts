import fc from 'fast-check';
import { arbVotes, tallyOf } from '../testing/arbitraries';
import { tallyVotes } from '../tally';
import { decideMajority } from './majority';

const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);

describe('MAJORITY', () => {
  it('adopts when agree outnumbers disagree', () => {
    const d = decideMajority(tallyOf({ INDUSTRY: { agree: 3 }, LABOUR: { disagree: 2 } }));
    expect(d.outcome).toBe('ADOPTED');
    expect(codes(d)).toEqual(['MAJORITY_REACHED']);
    expect(d.reasons[0]?.ja).toBe('賛成 3 > 反対 2（ブロックを含む）');
  });

  it('rejects when disagree outnumbers agree', () => {
    const d = decideMajority(tallyOf({ INDUSTRY: { agree: 2, disagree: 3 } }));
    expect(d.outcome).toBe('REJECTED');
    expect(codes(d)).toEqual(['MAJORITY_NOT_REACHED']);
  });

  it('rejects a tie', () => {
    const d = decideMajority(tallyOf({ INDUSTRY: { agree: 2 }, MEDIA: { disagree: 2 } }));
    expect(d.outcome).toBe('REJECTED');
    expect(codes(d)).toEqual(['TIE']);
  });

  it('counts a block as a disagree vote', () => {
    const d = decideMajority(tallyOf({ INDUSTRY: { agree: 3, disagree: 2 }, LABOUR: { block: 1 } }));
    expect(d.outcome).toBe('REJECTED');
    expect(d.reasons[0]?.params).toEqual({ agree: 3, against: 3 });
  });

  it('ignores abstentions', () => {
    expect(decideMajority(tallyOf({ CITIZEN: { agree: 1, abstain: 10 } })).outcome).toBe('ADOPTED');
  });

  it('rejects when everyone abstains', () => {
    const d = decideMajority(tallyOf({ INDUSTRY: { abstain: 4 } }));
    expect(d.outcome).toBe('REJECTED');
    expect(codes(d)).toEqual(['NO_VOTES']);
  });

  it('rejects when nobody voted', () => {
    const d = decideMajority(tallyVotes([]));
    expect(d.outcome).toBe('REJECTED');
    expect(codes(d)).toEqual(['NO_VOTES']);
  });

  it('reports NO_QUORUM below the quorum, counting abstentions towards it', () => {
    const four = tallyOf({ INDUSTRY: { agree: 3, abstain: 1 } });
    expect(decideMajority(four, { quorum: 5 }).outcome).toBe('NO_QUORUM');
    expect(codes(decideMajority(four, { quorum: 5 }))).toEqual(['QUORUM_NOT_MET']);
    const five = tallyOf({ INDUSTRY: { agree: 3, abstain: 2 } });
    const d = decideMajority(five, { quorum: 5 });
    expect(d.outcome).toBe('ADOPTED');
    expect(codes(d)).toEqual(['QUORUM_MET', 'MAJORITY_REACHED']);
  });

  it('reports NO_QUORUM rather than NO_VOTES for an empty round with a quorum', () => {
    expect(decideMajority(tallyVotes([]), { quorum: 1 }).outcome).toBe('NO_QUORUM');
  });

  it('applies a fixed one-half threshold whatever threshold is passed', () => {
    const d = decideMajority(tallyOf({ INDUSTRY: { agree: 3, disagree: 2 } }), { threshold: 0.9 });
    expect(d.outcome).toBe('ADOPTED');
    expect(d.params).toEqual({ threshold: 0.5, quorum: 0, minSectors: 1 });
  });

  it('adopts exactly when agree > disagree + block (property)', () => {
    fc.assert(
      fc.property(arbVotes, (votes) => {
        const t = tallyVotes(votes);
        expect(decideMajority(t).outcome === 'ADOPTED').toBe(t.agree > t.disagree + t.block);
      }),
    );
  });
});
