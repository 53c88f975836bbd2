import fc from 'fast-check';
import { arbParams, arbSector, arbVotes, tallyOf } from '../testing/arbitraries';
import { tallyVotes } from '../tally';
import { decideConsensus } from './consensus';

const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);

describe('CONSENSUS', () => {
  it('adopts at exactly three quarters with no block', () => {
    const d = decideConsensus(tallyOf({ INDUSTRY: { agree: 2 }, ACADEMIA: { agree: 1, disagree: 1 } }));
    expect(d.outcome).toBe('ADOPTED');
    expect(codes(d)).toEqual(['NO_BLOCK', 'THRESHOLD_MET']);
  });

  it('rejects below three quarters', () => {
    const d = decideConsensus(tallyOf({ INDUSTRY: { agree: 2, disagree: 1 } }));
    expect(d.outcome).toBe('REJECTED');
    expect(codes(d)).toEqual(['NO_BLOCK', 'THRESHOLD_NOT_MET']);
  });

  it('rejects on a single block however large the agreement, naming the sector', () => {
    const d = decideConsensus(tallyOf({ INDUSTRY: { agree: 20 }, LABOUR: { block: 1 } }));
    expect(d.outcome).toBe('REJECTED');
    expect(codes(d)).toEqual(['BLOCKED', 'THRESHOLD_MET']);
    expect(d.reasons[0]?.ja).toBe('ブロックが 1 件あります（労（労働団体））');
    expect(d.reasons[0]?.en).toBe('1 block (労 (labour))');
  });

  it('ignores abstentions', () => {
    expect(decideConsensus(tallyOf({ INDUSTRY: { agree: 3, disagree: 1, abstain: 8 } })).outcome).toBe('ADOPTED');
  });

  it('rejects when everyone abstains or nobody voted', () => {
    expect(codes(decideConsensus(tallyOf({ INDUSTRY: { abstain: 5 } })))).toEqual(['NO_VOTES']);
    expect(codes(decideConsensus(tallyVotes([])))).toEqual(['NO_VOTES']);
  });

  it('applies the quorum first', () => {
    const t = tallyOf({ INDUSTRY: { agree: 3 } });
    expect(decideConsensus(t, { quorum: 4 }).outcome).toBe('NO_QUORUM');
    expect(codes(decideConsensus(t, { quorum: 3 }))).toEqual(['QUORUM_MET', 'NO_BLOCK', 'THRESHOLD_MET']);
  });

  it('accepts a custom threshold', () => {
    expect(decideConsensus(tallyOf({ INDUSTRY: { agree: 2, disagree: 1 } }), { threshold: 2 / 3 }).outcome).toBe(
      'ADOPTED',
    );
  });

  it('rejects whenever someone blocks, unless there is no quorum (property)', () => {
    fc.assert(
      fc.property(arbVotes, arbParams, arbSector, (votes, params, blocker) => {
        const t = tallyVotes([...votes, { sector: blocker, choice: 'BLOCK' }]);
        expect(decideConsensus(t, params).outcome).toBe(t.total < (params.quorum ?? 0) ? 'NO_QUORUM' : 'REJECTED');
      }),
    );
  });
});
