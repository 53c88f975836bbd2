import { tallyOf } from '../testing/arbitraries';
import { tallyVotes } from '../tally';
import { sectorWeightedTally } from './sector-weighted';

describe('sectorWeightedTally', () => {
  it('gives every sector that took a position the same weight', () => {
    // 20 of 20 industry agree, 0 of 3 labour: raw 20/23, one-sector-one-voice 50%.
    const w = sectorWeightedTally(tallyOf({ INDUSTRY: { agree: 20 }, LABOUR: { disagree: 3 }, MEDIA: { abstain: 2 } }));
    expect(w.agreeShare).toBe(0.5);
    expect(w.rawAgreeShare).toBe(20 / 23);
    expect(w.sectors).toBe(2);
    expect(w.bySector).toEqual([
      { sector: 'INDUSTRY', agreeShare: 1, nonAbstaining: 20 },
      { sector: 'LABOUR', agreeShare: 0, nonAbstaining: 3 },
    ]);
  });

  it('equals the raw share for a single sector', () => {
    const w = sectorWeightedTally(tallyOf({ ACADEMIA: { agree: 2, block: 1 } }));
    expect(w.agreeShare).toBe(2 / 3);
    expect(w.rawAgreeShare).toBe(2 / 3);
  });

  it('is null with no votes or only abstentions', () => {
    expect(sectorWeightedTally(tallyVotes([]))).toEqual({
      agreeShare: null,
      rawAgreeShare: null,
      sectors: 0,
      bySector: [],
    });
    expect(sectorWeightedTally(tallyOf({ MEDIA: { abstain: 4 } })).agreeShare).toBeNull();
  });
});
