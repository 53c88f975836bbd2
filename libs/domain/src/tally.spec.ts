import fc from 'fast-check';
import { SECTORS, type Sector } from './sectors';
import { mergeSmallSectors, tallyVotes, type Tally } from './tally';
import { arbVotes, arbVotesShuffled, tallyOf } from './testing/arbitraries';

const sumOf = (t: Tally, key: 'agree' | 'disagree' | 'abstain' | 'block' | 'total') =>
  t.bySector.reduce((s, r) => s + r[key], 0);
const KEYS = ['agree', 'disagree', 'abstain', 'block', 'total'] as const;

describe('tallyVotes', () => {
  it('counts totals and per sector, in SECTORS order, only sectors that voted', () => {
    const t = tallyVotes([
      { sector: 'MEDIA', choice: 'AGREE' },
      { sector: 'INDUSTRY', choice: 'BLOCK' },
      { sector: 'MEDIA', choice: 'ABSTAIN' },
      { sector: 'INDUSTRY', choice: 'DISAGREE' },
    ]);
    expect(t).toEqual({
      agree: 1,
      disagree: 1,
      abstain: 1,
      block: 1,
      total: 4,
      bySector: [
        { sector: 'INDUSTRY', agree: 0, disagree: 1, abstain: 0, block: 1, total: 2 },
        { sector: 'MEDIA', agree: 1, disagree: 0, abstain: 1, block: 0, total: 2 },
      ],
    });
  });

  it('is empty for no votes', () => {
    expect(tallyVotes([])).toEqual({ agree: 0, disagree: 0, abstain: 0, block: 0, total: 0, bySector: [] });
  });

  it('rejects an unknown sector or choice', () => {
    expect(() => tallyVotes([{ sector: 'CLERGY' as Sector, choice: 'AGREE' }])).toThrow(TypeError);
    expect(() => tallyVotes([{ sector: 'MEDIA', choice: 'MAYBE' as never }])).toThrow(TypeError);
  });

  it('keeps per-sector sums equal to the totals and ignores vote order (property)', () => {
    fc.assert(
      fc.property(arbVotesShuffled, ([votes, shuffled]) => {
        const t = tallyVotes(votes);
        for (const k of KEYS) expect(sumOf(t, k)).toBe(t[k]);
        expect(t.total).toBe(votes.length);
        expect(tallyVotes(shuffled)).toEqual(t);
      }),
    );
  });
});

describe('mergeSmallSectors', () => {
  it('leaves a tally without small sectors unchanged', () => {
    const t = tallyOf({ INDUSTRY: { agree: 3 }, LABOUR: { agree: 1, disagree: 2 } });
    expect(mergeSmallSectors(t)).toEqual(t);
  });

  it('pools small sectors into one group headed by its first sector', () => {
    const t = tallyOf({
      INDUSTRY: { agree: 5 },
      GOVERNMENT: { agree: 1 },
      FINANCE: { disagree: 1 },
      MEDIA: { abstain: 1 },
    });
    const m = mergeSmallSectors(t);
    expect(m.bySector).toEqual([
      { sector: 'INDUSTRY', agree: 5, disagree: 0, abstain: 0, block: 0, total: 5 },
      {
        sector: 'GOVERNMENT',
        mergedSectors: ['GOVERNMENT', 'FINANCE', 'MEDIA'],
        agree: 1,
        disagree: 1,
        abstain: 1,
        block: 0,
        total: 3,
      },
    ]);
  });

  it('folds a pool still too small into the smallest sector', () => {
    const t = tallyOf({
      INDUSTRY: { agree: 6 },
      ACADEMIA: { agree: 3, disagree: 1 },
      LABOUR: { agree: 3 },
      CITIZEN: { block: 1 },
    });
    const m = mergeSmallSectors(t);
    expect(m.bySector.map((r) => [r.sector, r.mergedSectors ?? null, r.total])).toEqual([
      ['INDUSTRY', null, 6],
      ['ACADEMIA', null, 4],
      ['LABOUR', ['LABOUR', 'CITIZEN'], 4],
    ]);
  });

  it('makes one group when every sector is small', () => {
    const m = mergeSmallSectors(tallyOf({ INDUSTRY: { agree: 1 }, MEDIA: { disagree: 1 } }));
    expect(m.bySector).toEqual([
      {
        sector: 'INDUSTRY',
        mergedSectors: ['INDUSTRY', 'MEDIA'],
        agree: 1,
        disagree: 1,
        abstain: 0,
        block: 0,
        total: 2,
      },
    ]);
  });

  it('validates minVoters', () => {
    expect(() => mergeSmallSectors(tallyVotes([]), 0)).toThrow(RangeError);
    expect(mergeSmallSectors(tallyVotes([]))).toEqual(tallyVotes([]));
  });

  it('preserves totals, covers every sector once, and leaves no group too small (property)', () => {
    fc.assert(
      fc.property(arbVotes, fc.integer({ min: 1, max: 6 }), (votes, minVoters) => {
        const t = tallyVotes(votes);
        const m = mergeSmallSectors(t, minVoters);
        for (const k of KEYS) {
          expect(m[k]).toBe(t[k]);
          expect(sumOf(m, k)).toBe(t[k]);
        }
        const covered = m.bySector.flatMap((r) => r.mergedSectors ?? [r.sector]);
        expect([...covered].sort()).toEqual(t.bySector.map((r) => r.sector).sort());
        const order = m.bySector.map((r) => SECTORS.indexOf(r.sector));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        for (const r of m.bySector) {
          if (r.mergedSectors) expect(r.sector).toBe(r.mergedSectors[0]);
          if (t.total >= minVoters) expect(r.total).toBeGreaterThanOrEqual(minVoters);
        }
        if (t.total < minVoters) expect(m.bySector.length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
