import { dialogueIndex } from './dialogue-index';
import { missingVoices } from './missing-voices';
import { representation } from './representation';

describe('missingVoices', () => {
  it('lists present sectors that have not spoken, once, in SECTORS order', () => {
    expect(missingVoices(['MEDIA', 'INDUSTRY', 'LABOUR', 'MEDIA', 'CITIZEN'], ['INDUSTRY', 'INDUSTRY'])).toEqual([
      'LABOUR',
      'MEDIA',
      'CITIZEN',
    ]);
    expect(missingVoices([], ['INDUSTRY'])).toEqual([]);
    expect(missingVoices(['FINANCE'], ['FINANCE'])).toEqual([]);
  });
});

describe('dialogueIndex', () => {
  it('is the share of replies across sectors', () => {
    const result = dialogueIndex([
      { id: 'a', parentId: null, sector: 'INDUSTRY' },
      { id: 'b', parentId: 'a', sector: 'LABOUR' },
      { id: 'c', parentId: 'a', sector: 'INDUSTRY' },
      { id: 'd', parentId: 'b', sector: 'GOVERNMENT' },
      { id: 'e', parentId: null, sector: 'MEDIA' },
      { id: 'f', parentId: 'gone', sector: 'MEDIA' },
    ]);
    expect(result).toEqual({ index: 2 / 3, replies: 3, crossSector: 2 });
  });

  it('is null without replies', () => {
    expect(dialogueIndex([])).toEqual({ index: null, replies: 0, crossSector: 0 });
    expect(dialogueIndex([{ id: 'a', parentId: null, sector: 'MEDIA' }]).index).toBeNull();
  });

  it('is 0 when every reply stays in its sector', () => {
    expect(
      dialogueIndex([
        { id: 'a', parentId: null, sector: 'FINANCE' },
        { id: 'b', parentId: 'a', sector: 'FINANCE' },
      ]).index,
    ).toBe(0);
  });
});

describe('representation', () => {
  it('compares shares with equal targets over 産官学金労言 by default', () => {
    const rows = representation({ INDUSTRY: 10, GOVERNMENT: 6, ACADEMIA: 2, FINANCE: 1, CITIZEN: 1 });
    expect(rows.map((r) => r.sector)).toEqual([
      'INDUSTRY',
      'GOVERNMENT',
      'ACADEMIA',
      'FINANCE',
      'LABOUR',
      'MEDIA',
      'CITIZEN',
    ]);
    const by = Object.fromEntries(rows.map((r) => [r.sector, r]));
    expect(by['INDUSTRY']).toEqual({
      sector: 'INDUSTRY',
      count: 10,
      share: 0.5,
      target: 1 / 6,
      underRepresented: false,
    });
    // 1/20 = 5% < (1/6)/2 ≈ 8.3%: flagged; 2/20 = 10% is not.
    expect(by['FINANCE']?.underRepresented).toBe(true);
    expect(by['ACADEMIA']?.underRepresented).toBe(false);
    expect(by['LABOUR']).toMatchObject({ count: 0, share: 0, underRepresented: true });
    expect(by['CITIZEN']).toMatchObject({ target: 0, underRepresented: false });
  });

  it('treats targets as weights over the defaults and normalises them', () => {
    const rows = representation({ CITIZEN: 1 }, { CITIZEN: 1 / 6 });
    for (const r of rows) expect(r.target).toBeCloseTo(1 / 7, 12);
    const custom = representation(
      { INDUSTRY: 1 },
      { INDUSTRY: 3, GOVERNMENT: 1, ACADEMIA: 0, FINANCE: 0, LABOUR: 0, MEDIA: 0 },
    );
    expect(custom.map((r) => r.target)).toEqual([0.75, 0.25, 0, 0, 0, 0, 0]);
    expect(() => representation({}, { MEDIA: -1 })).toThrow(RangeError);
  });

  it('flags nothing when nobody is counted', () => {
    expect(representation({}).every((r) => r.share === 0 && !r.underRepresented)).toBe(true);
  });
});
