/** The six stakeholder sectors of 産官学金労言, plus residents (住民), in display order. */
export const SECTORS = ['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'MEDIA', 'CITIZEN'] as const;
export type Sector = (typeof SECTORS)[number];

/** 産官学金労言 without residents: the sectors that targets and "all sectors" wording refer to. */
export const STAKEHOLDER_SECTORS = [
  'INDUSTRY',
  'GOVERNMENT',
  'ACADEMIA',
  'FINANCE',
  'LABOUR',
  'MEDIA',
] as const satisfies ReadonlyArray<Sector>;
export type StakeholderSector = (typeof STAKEHOLDER_SECTORS)[number];

export interface SectorLabel {
  ja: string;
  /** One character (住民 for residents), as used in 産官学金労言. */
  short: string;
  en: string;
  /** One plain line, readable by an older participant choosing a sector on a phone. */
  descriptionJa: string;
  descriptionEn: string;
}

export const SECTOR_LABELS: Record<Sector, SectorLabel> = {
  INDUSTRY: {
    ja: '産業界',
    short: '産',
    en: 'Industry',
    descriptionJa: '企業・商店・農林漁業・観光業など',
    descriptionEn: 'Companies, shops, farming, forestry, fishing and tourism',
  },
  GOVERNMENT: {
    ja: '行政',
    short: '官',
    en: 'Government',
    descriptionJa: '市役所・町村役場・県・国の機関など',
    descriptionEn: 'City, town and village offices, the prefecture and national agencies',
  },
  ACADEMIA: {
    ja: '大学・教育',
    short: '学',
    en: 'Academia',
    descriptionJa: '大学・高校・研究機関など',
    descriptionEn: 'Universities, schools and research institutes',
  },
  FINANCE: {
    ja: '金融機関',
    short: '金',
    en: 'Finance',
    descriptionJa: '銀行・信用金庫・信用組合・農協の金融部門など',
    descriptionEn: 'Banks, credit unions and cooperative lenders',
  },
  LABOUR: {
    ja: '労働団体',
    short: '労',
    en: 'Labour',
    descriptionJa: '労働組合など、働く人の団体',
    descriptionEn: 'Trade unions and other workers’ organisations',
  },
  MEDIA: {
    ja: '報道・メディア',
    short: '言',
    en: 'Media',
    descriptionJa: '新聞・テレビ・ラジオ・地域の情報誌など',
    descriptionEn: 'Newspapers, television, radio and local publications',
  },
  CITIZEN: {
    ja: '住民',
    short: '住民',
    en: 'Residents',
    descriptionJa: '地域に住む人・学生など',
    descriptionEn: 'People who live in the area, including students',
  },
};

export function isSector(x: unknown): x is Sector {
  return typeof x === 'string' && (SECTORS as ReadonlyArray<string>).includes(x);
}

/**
 * A sector as named inside a sentence: 「労（労働団体）」 / "労 (labour)".
 * The short character alone is ambiguous to newcomers, so the plain word follows it.
 */
export function formatSector(sector: Sector, lang: 'ja' | 'en'): string {
  const label = SECTOR_LABELS[sector];
  if (lang === 'ja') return label.short === label.ja ? label.ja : `${label.short}（${label.ja}）`;
  return `${label.short} (${label.en.toLowerCase()})`;
}

/** Position in SECTORS, for stable sorting. */
export function sectorIndex(sector: Sector): number {
  return SECTORS.indexOf(sector);
}
