import fc from 'fast-check';
import { arbVotes, tallyOf } from '../testing/arbitraries';
import { nonAbstaining, tallyVotes } from '../tally';
import { bridgingScore, rankByBridging } from './bridging';
import { correctedAgreeShare, rawAgreeShare } from './shares';

describe('agree shares', () => {
  it('computes the raw and the corrected share', () => {
    const c = { agree: 3, disagree: 1, abstain: 5, block: 1, total: 10 };
    expect(rawAgreeShare(c)).toBe(0.6);
    expect(correctedAgreeShare(c)).toBe(4 / 7);
    expect(rawAgreeShare({ agree: 0, disagree: 0, abstain: 2, block: 0, total: 2 })).toBeNull();
  });
});

describe('bridgingScore', () => {
  it('is the lowest corrected sector share', () => {
    // 産 9/10 agree → 10/12; 労 2/5 → 3/7; 学 only abstains and is ignored.
    const t = tallyOf({
      INDUSTRY: { agree: 9, disagree: 1 },
      LABOUR: { agree: 2, disagree: 3 },
      ACADEMIA: { abstain: 4 },
    });
    expect(bridgingScore(t)).toBe(3 / 7);
  });

  it('damps a single voter: one sector with one agree scores 2/3', () => {
    expect(bridgingScore(tallyOf({ MEDIA: { agree: 1 } }))).toBe(2 / 3);
  });

  it('is null when nobody took a position', () => {
    expect(bridgingScore(tallyVotes([]))).toBeNull();
    expect(bridgingScore(tallyOf({ INDUSTRY: { abstain: 3 } }))).toBeNull();
  });

  it('lies in (0, 1) and never above any sector’s corrected share (property)', () => {
    fc.assert(
      fc.property(arbVotes, (votes) => {
        const t = tallyVotes(votes);
        const score = bridgingScore(t);
        if (score === null) {
          expect(t.bySector.every((s) => nonAbstaining(s) === 0)).toBe(true);
          return;
        }
        expect(score).toBeGreaterThan(0);
        expect(score).toBeLessThan(1);
        for (const s of t.bySector) if (nonAbstaining(s) > 0) expect(score).toBeLessThanOrEqual(correctedAgreeShare(s));
      }),
    );
  });
});

describe('rankByBridging', () => {
  it('orders by score, then voters, then id, unscored last', () => {
    const ranked = rankByBridging([
      { id: 'none', tally: tallyVotes([]) },
      { id: 'b', tally: tallyOf({ INDUSTRY: { agree: 1 } }) },
      { id: 'a', tally: tallyOf({ LABOUR: { agree: 1 } }) },
      { id: 'c', tally: tallyOf({ INDUSTRY: { agree: 1, abstain: 2 } }) },
      { id: 'top', tally: tallyOf({ INDUSTRY: { agree: 4 }, LABOUR: { agree: 4 } }) },
      { id: 'low', tally: tallyOf({ INDUSTRY: { disagree: 4 } }) },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['top', 'c', 'a', 'b', 'low', 'none']);
    expect(ranked[0]).toMatchObject({ score: 5 / 6, voters: 8 });
    expect(ranked[5]?.score).toBeNull();
  });
});
