import { formatSector, isSector, SECTOR_LABELS, SECTORS, sectorIndex, STAKEHOLDER_SECTORS } from './sectors';

describe('sectors', () => {
  it('lists 産官学金労言 then residents', () => {
    expect(SECTORS.map((s) => SECTOR_LABELS[s].short).join('')).toBe('産官学金労言住民');
    expect(STAKEHOLDER_SECTORS).toEqual(SECTORS.filter((s) => s !== 'CITIZEN'));
  });

  it('has a label and a plain description for every sector', () => {
    for (const s of SECTORS) {
      const l = SECTOR_LABELS[s];
      for (const text of [l.ja, l.short, l.en, l.descriptionJa, l.descriptionEn]) expect(text.trim()).not.toBe('');
    }
    expect(SECTOR_LABELS.INDUSTRY.ja).toBe('産業界');
  });

  it('guards unknown values', () => {
    expect(isSector('LABOUR')).toBe(true);
    for (const bad of ['labour', 'LABOR', '', null, undefined, 3, {}]) expect(isSector(bad)).toBe(false);
  });

  it('formats a sector inside a sentence', () => {
    expect(formatSector('LABOUR', 'ja')).toBe('労（労働団体）');
    expect(formatSector('LABOUR', 'en')).toBe('労 (labour)');
    expect(formatSector('CITIZEN', 'ja')).toBe('住民');
    expect(sectorIndex('MEDIA')).toBe(5);
  });
});
