/**
 * The five pillars of 地方創生2.0 (基本構想の５本柱), given to every new process as its default,
 * editable topics. Titles and points are verbatim from 「地方創生 2.0 の『基本的な考え方』」
 * (新しい地方経済・生活環境創生本部 第2回, 2024-12-24), as excerpted by 北秋田市.
 */
export interface DefaultPillar {
  /** Stable identifier for seeding and import; not shown to people. */
  key: string;
  /** 1-based order. */
  position: number;
  /** Circled numeral used in the source (①…⑤). */
  numeral: string;
  titleJa: string;
  titleEn: string;
  /** The source's bullet points (■) for the pillar, verbatim. */
  pointsJa: ReadonlyArray<string>;
}

export const DEFAULT_PILLARS: ReadonlyArray<DefaultPillar> = [
  {
    key: 'living',
    position: 1,
    numeral: '①',
    titleJa: '安心して働き、暮らせる地方の生活環境の創生',
    titleEn: 'Creating a local living environment where people can work and live with peace of mind',
    pointsJa: [
      '魅力ある働き方、職場づくり、人づくりを起点にした社会の変革により、楽しく働き、楽しく暮らせる場所として、「若者・女性にも選ばれる地方（＝楽しい地方）」をつくる',
      '年齢を問わず誰もが安心して暮らせるよう、地域のコミュニティ、日常生活に不可欠なサービスを維持する',
      '災害から地方を守るため、事前防災、危機管理に取り組む',
    ],
  },
  {
    key: 'dispersal',
    position: 2,
    numeral: '②',
    titleJa: '東京一極集中のリスクに対応した人や企業の地方分散',
    titleEn: 'Dispersing people and businesses to the regions to address the risks of over-concentration in Tokyo',
    pointsJa: [
      '分散型国づくりの観点から、企業や大学の地方分散や政府機関等の移転などに取り組む',
      '地方への移住や企業移転、交流人口の増加など、東京圏への過度な一極集中の弊害を是正する',
    ],
  },
  {
    key: 'economy',
    position: 3,
    numeral: '③',
    titleJa: '付加価値創出型の新しい地方経済の創生',
    titleEn: 'Creating a new regional economy that generates added value',
    pointsJa: [
      '農林水産業や観光産業を高付加価値化し、自然や文化・芸術など地域資源を最大限活用した高付加価値型の産業・事業を創出する',
      '内外から地方への投融資を促進する',
      '地方起点で成長し、ヒト・モノ・金・情報の流れをつくるエコシステムを形成する',
    ],
  },
  {
    key: 'digital',
    position: 4,
    numeral: '④',
    titleJa: 'デジタル・新技術の徹底活用',
    titleEn: 'Making full use of digital and new technologies',
    pointsJa: [
      'ブロックチェーン、ＤＸ・ＧＸの面的展開などデジタル・新技術を活用した付加価値創出など地方経済の活性化、オンライン診療、オンデマンド交通、ドローン配送や「情報格差ゼロ」の地方の創出など、地方におけるデジタルライフラインやサイバーセキュリティを含むデジタル基盤の構築を支援し、生活環境の改善につなげる',
      'デジタル技術の活用や地方の課題を起点とする規制・制度改革を大胆に進める',
    ],
  },
  {
    key: 'momentum',
    position: 5,
    numeral: '⑤',
    titleJa: '「産官学金労言」の連携など、国民的な機運の向上',
    titleEn:
      'Raising national momentum, including collaboration among industry, government, academia, finance, labour and media (産官学金労言)',
    pointsJa: [
      '地域で知恵を出し合い、地域自らが考え、行動を起こすための合意形成に努める取組を進める',
      '地方と都市の間で、また地域の内外で人材をシェアする流れをつくる',
    ],
  },
];

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** 「① 安心して働き、…」: the numbered form the source and the minutes use (plain "21." beyond ⑳). */
export function formatPillarTitle(pillar: { position: number; titleJa: string }): string {
  const { position } = pillar;
  const numeral =
    Number.isInteger(position) && position >= 1 && position <= CIRCLED.length
      ? CIRCLED.charAt(position - 1)
      : `${position}.`;
  return `${numeral} ${pillar.titleJa}`;
}
