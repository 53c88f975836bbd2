import fc from 'fast-check';
import { STAKEHOLDER_SECTORS, type Sector } from '../sectors';
import { arbParams, arbSector, arbVotes, tallyOf, type Mix } from '../testing/arbitraries';
import { nonAbstaining, tallyVotes } from '../tally';
import { decideCrossSector } from './cross-sector';
import { meetsThreshold } from './decision';
import { decideMajority } from './majority';

const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);
const everySector = (mix: Mix) =>
  Object.fromEntries(STAKEHOLDER_SECTORS.map((s) => [s, mix])) as Partial<Record<Sector, Mix>>;

describe('CROSS_SECTOR', () => {
  it('adopts when all six sectors clear the threshold', () => {
    const d = decideCrossSector(tallyOf(everySector({ agree: 3, disagree: 1 })));
    expect(d.outcome).toBe('ADOPTED');
    expect(codes(d)).toEqual(['NO_BLOCK', 'ENOUGH_SECTORS', 'ALL_SECTORS_MET']);
    expect(d.reasons[2]?.ja).toBe('全6分野で基準（賛成 60% 以上）を満たしました');
    expect(d.params).toEqual({ threshold: 0.6, quorum: 0, minSectors: 4 });
  });

  it('rejects what MAJORITY adopts when one sector is steamrolled', () => {
    const t = tallyOf({
      INDUSTRY: { agree: 10 },
      GOVERNMENT: { agree: 5 },
      ACADEMIA: { agree: 3 },
      LABOUR: { agree: 2, disagree: 3 },
    });
    expect(decideMajority(t).outcome).toBe('ADOPTED');
    const d = decideCrossSector(t);
    expect(d.outcome).toBe('REJECTED');
    expect(codes(d)).toEqual(['NO_BLOCK', 'ENOUGH_SECTORS', 'SECTOR_BELOW_THRESHOLD']);
    expect(d.reasons[2]).toEqual({
      code: 'SECTOR_BELOW_THRESHOLD',
      params: { sector: 'LABOUR', agree: 2, nonAbstaining: 5, share: 0.4, threshold: 0.6 },
      ja: '労（労働団体）: 賛成 40% < 基準 60%',
      en: '労 (labour): 40% agree < 60%',
    });
  });

  it('passes a sector exactly at the threshold', () => {
    const t = tallyOf(everySector({ agree: 3, disagree: 2 }));
    expect(decideCrossSector(t).outcome).toBe('ADOPTED');
  });

  it('lists every failing sector in SECTORS order', () => {
    const t = tallyOf({
      INDUSTRY: { agree: 1, disagree: 1 },
      GOVERNMENT: { agree: 2 },
      FINANCE: { agree: 2 },
      MEDIA: { disagree: 1 },
    });
    const failing = decideCrossSector(t).reasons.filter((r) => r.code === 'SECTOR_BELOW_THRESHOLD');
    expect(failing.map((r) => r.params['sector'])).toEqual(['INDUSTRY', 'MEDIA']);
  });

  it('rejects when too few sectors voted, and respects minSectors', () => {
    const t = tallyOf({ INDUSTRY: { agree: 5 }, GOVERNMENT: { agree: 5 }, ACADEMIA: { agree: 5 } });
    const d = decideCrossSector(t);
    expect(d.outcome).toBe('REJECTED');
    expect(codes(d)).toEqual(['NO_BLOCK', 'TOO_FEW_SECTORS', 'ALL_SECTORS_MET']);
    expect(decideCrossSector(t, { minSectors: 3 }).outcome).toBe('ADOPTED');
  });

  it('does not count a sector that only abstained', () => {
    const t = tallyOf({
      INDUSTRY: { agree: 2 },
      GOVERNMENT: { agree: 2 },
      ACADEMIA: { agree: 2 },
      FINANCE: { agree: 2 },
      MEDIA: { abstain: 5 },
    });
    const d = decideCrossSector(t);
    expect(d.outcome).toBe('ADOPTED');
    expect(d.reasons.find((r) => r.code === 'ENOUGH_SECTORS')?.params).toEqual({ sectors: 4, minSectors: 4 });
    expect(decideCrossSector(t, { minSectors: 5 }).outcome).toBe('REJECTED');
  });

  it('counts residents as a sector', () => {
    const t = tallyOf({
      INDUSTRY: { agree: 1 },
      GOVERNMENT: { agree: 1 },
      ACADEMIA: { agree: 1 },
      CITIZEN: { agree: 1 },
    });
    expect(decideCrossSector(t).outcome).toBe('ADOPTED');
  });

  it('rejects on any block', () => {
    const t = tallyOf({ ...everySector({ agree: 10 }), CITIZEN: { agree: 3, block: 1 } });
    const d = decideCrossSector(t);
    expect(d.outcome).toBe('REJECTED');
    expect(d.reasons[0]?.code).toBe('BLOCKED');
  });

  it('rejects when everyone abstains or nobody voted', () => {
    expect(codes(decideCrossSector(tallyOf(everySector({ abstain: 2 }))))).toEqual(['NO_VOTES']);
    expect(codes(decideCrossSector(tallyVotes([])))).toEqual(['NO_VOTES']);
  });

  it('applies the quorum first', () => {
    const t = tallyOf(everySector({ agree: 1 }));
    expect(decideCrossSector(t, { quorum: 7 }).outcome).toBe('NO_QUORUM');
    expect(decideCrossSector(t, { quorum: 6 }).outcome).toBe('ADOPTED');
  });

  it('rejects whenever someone blocks, unless there is no quorum (property)', () => {
    fc.assert(
      fc.property(arbVotes, arbParams, arbSector, (votes, params, blocker) => {
        const t = tallyVotes([...votes, { sector: blocker, choice: 'BLOCK' }]);
        expect(decideCrossSector(t, params).outcome).toBe(t.total < (params.quorum ?? 0) ? 'NO_QUORUM' : 'REJECTED');
      }),
    );
  });

  it('adopts only if enough sectors voted and each cleared the threshold (property)', () => {
    fc.assert(
      fc.property(arbVotes, arbParams, (votes, params) => {
        const t = tallyVotes(votes);
        const d = decideCrossSector(t, params);
        if (d.outcome !== 'ADOPTED') return;
        const voted = t.bySector.filter((s) => nonAbstaining(s) > 0);
        expect(voted.length).toBeGreaterThanOrEqual(d.params.minSectors);
        for (const s of voted) expect(meetsThreshold(s.agree, nonAbstaining(s), d.params.threshold)).toBe(true);
      }),
    );
  });
});
