import { STAKEHOLDER_SECTORS } from '../sectors';
import { tallyOf } from '../testing/arbitraries';
import { tallyVotes } from '../tally';
import { agreementMatrix } from './agreement-matrix';
import { crossPillar } from './cross-pillar';

describe('agreementMatrix', () => {
  it('gives a full proposal × sector grid with null where a sector took no position', () => {
    const cells = agreementMatrix([
      {
        proposalId: 'p1',
        pillarId: 'living',
        tally: tallyOf({ INDUSTRY: { agree: 3, disagree: 1 }, MEDIA: { abstain: 2 } }),
      },
      { proposalId: 'p2', tally: tallyVotes([]) },
    ]);
    expect(cells).toHaveLength(14);
    expect(cells[0]).toEqual({ proposalId: 'p1', pillarId: 'living', sector: 'INDUSTRY', agreeShare: 0.75, voters: 4 });
    expect(cells.find((c) => c.proposalId === 'p1' && c.sector === 'MEDIA')).toMatchObject({
      agreeShare: null,
      voters: 2,
    });
    expect(cells.find((c) => c.proposalId === 'p1' && c.sector === 'LABOUR')).toMatchObject({
      agreeShare: null,
      voters: 0,
    });
    expect(cells.filter((c) => c.proposalId === 'p2').every((c) => c.agreeShare === null && !('pillarId' in c))).toBe(
      true,
    );
  });

  it('can be limited to some sectors, kept in SECTORS order', () => {
    const cells = agreementMatrix([{ proposalId: 'p', tally: tallyVotes([]) }], ['MEDIA', 'INDUSTRY']);
    expect(cells.map((c) => c.sector)).toEqual(['INDUSTRY', 'MEDIA']);
    expect(agreementMatrix([{ proposalId: 'p', tally: tallyVotes([]) }], STAKEHOLDER_SECTORS)).toHaveLength(6);
  });
});

describe('crossPillar', () => {
  it('averages sector agree shares per pillar over proposals where the sector took a position', () => {
    const cells = crossPillar([
      { pillarId: 'digital', tally: tallyOf({ INDUSTRY: { agree: 1 }, LABOUR: { disagree: 1 } }) },
      { pillarId: 'living', tally: tallyOf({ INDUSTRY: { agree: 1, disagree: 1 } }) },
      { pillarId: 'digital', tally: tallyOf({ INDUSTRY: { agree: 1, disagree: 3 }, LABOUR: { abstain: 3 } }) },
    ]);
    expect(cells).toHaveLength(14);
    expect(cells.slice(0, 7).every((c) => c.pillarId === 'digital')).toBe(true);
    expect(cells.find((c) => c.pillarId === 'digital' && c.sector === 'INDUSTRY')).toEqual({
      pillarId: 'digital',
      sector: 'INDUSTRY',
      meanAgreeShare: (1 + 0.25) / 2,
      proposals: 2,
    });
    expect(cells.find((c) => c.pillarId === 'digital' && c.sector === 'LABOUR')).toMatchObject({
      meanAgreeShare: 0,
      proposals: 1,
    });
    expect(cells.find((c) => c.pillarId === 'living' && c.sector === 'MEDIA')).toMatchObject({
      meanAgreeShare: null,
      proposals: 0,
    });
  });

  it('is empty without items', () => {
    expect(crossPillar([])).toEqual([]);
  });
});
