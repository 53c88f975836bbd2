import type { MinutesDocument } from '../../src/modules/minutes/minutes-document';

/** Text a hostile participant might write: every renderer must print it literally. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  bold: '**bold**',
  link: '[x](javascript:alert(1))',
  image: '![x](https://evil.example/x.png)',
  html: '<img src=x onerror=alert(1)>',
  heading: '# 見出しではない',
  list: '1. 番号付きではない',
  code: '    コードブロックではない',
  table: '| a | b |',
};

const sectorLabel = {
  INDUSTRY: { ja: '産業界', en: 'Industry' },
  GOVERNMENT: { ja: '行政', en: 'Government' },
  LABOUR: { ja: '労働団体', en: 'Labour' },
  MEDIA: { ja: '報道・メディア', en: 'Media' },
  FINANCE: { ja: '金融機関', en: 'Finance' },
  ACADEMIA: { ja: '大学・教育', en: 'Academia' },
  CITIZEN: { ja: '住民', en: 'Residents' },
} as const;

const none = (sector: keyof typeof sectorLabel) => ({ sector, label: sectorLabel[sector], agreeShare: null, voters: 0, suppressed: false });

/** A hand-built document covering every section, for renderer unit tests (no database needed). */
export function minutesFixture(overrides: Partial<MinutesDocument> = {}): MinutesDocument {
  return {
    kind: 'yoriai.minutes',
    schemaVersion: 2,
    status: 'DRAFT',
    meeting: {
      id: '11111111-1111-4111-8111-111111111111',
      title: '第3回 北秋田市 地域ビジョン ワークショップ',
      status: 'ENDED',
      location: '北秋田市役所 第1会議室',
      scheduledAt: '2026-11-23T05:00:00.000Z',
      startedAt: '2026-11-23T05:00:00.000Z',
      endedAt: '2026-11-23T07:30:00.000Z',
      timeZone: 'Asia/Tokyo',
      when: { ja: '2026年11月23日(月) 14:00–16:30', en: 'Mon 23 Nov 2026, 14:00–16:30 JST' },
    },
    process: { id: '22222222-2222-4222-8222-222222222222', title: '北秋田市 地方創生2.0 地域ビジョン協議会' },
    organizers: [{ participantId: 'o1', name: '主催 一郎', organization: '北秋田市 総合政策課', sector: 'GOVERNMENT', guest: false }],
    facilitator: { participantId: 'f1', name: '進行 花子', organization: '秋田大学', sector: 'ACADEMIA', guest: false },
    attendance: {
      total: 4,
      bySector: [
        {
          sector: 'INDUSTRY',
          label: sectorLabel.INDUSTRY,
          count: 2,
          attendees: [
            { name: '山田 太郎', organization: '北秋田商工会', guest: false, joinedAt: '2026-11-23T05:01:00.000Z' },
            { name: 'ゲスト 次郎', organization: '鷹巣観光協会', guest: true, joinedAt: '2026-11-23T05:02:00.000Z' },
          ],
        },
        { sector: 'LABOUR', label: sectorLabel.LABOUR, count: 1, attendees: [{ name: '労働 三郎', organization: null, guest: false, joinedAt: '2026-11-23T05:03:00.000Z' }] },
        { sector: 'MEDIA', label: sectorLabel.MEDIA, count: 1, attendees: [{ name: HOSTILE.bold, organization: HOSTILE.html, guest: true, joinedAt: '2026-11-23T05:04:00.000Z' }] },
      ],
    },
    agenda: [
      {
        id: 'a1',
        position: 1,
        title: '若者・女性にも選ばれる地方の働き方',
        pillar: { id: 'p1', position: 1, title: '安心して働き、暮らせる地方の生活環境の創生', titleEn: 'Creating a local living environment where people can work and live with peace of mind' },
        plannedMinutes: 45,
        summary: `テレワーク拠点の整備について各分野から意見があった。\n${HOSTILE.heading}\n${HOSTILE.list}`,
        proposals: [
          {
            id: 'pr1',
            title: 'テレワーク拠点「森のオフィス」の整備',
            version: 2,
            contentHash: 'a'.repeat(64),
            status: 'ADOPTED',
            statusLabel: { ja: '採択', en: 'Adopted' },
            author: '山田 太郎',
            authorSector: 'INDUSTRY',
            kpis: [{ indicator: '拠点利用者数', baseline: '0人', target: '年間3,000人', deadline: '2028-03-31' }],
            discussion: {
              total: 3,
              hiddenCount: 2,
              earlierCount: 5,
              byStance: [
                {
                  stance: 'SUPPORT',
                  label: { ja: '賛同', en: 'Support' },
                  comments: [{ id: 'c1', author: '山田 太郎', organization: '北秋田商工会', sector: 'INDUSTRY', sectorLabel: sectorLabel.INDUSTRY, body: '雇用が生まれます🌾', createdAt: '2026-11-23T05:10:00.000Z', replyToId: null }],
                },
                {
                  stance: 'CONCERN',
                  label: { ja: '懸念', en: 'Concern' },
                  comments: [
                    { id: 'c2', author: '労働 三郎', organization: null, sector: 'LABOUR', sectorLabel: sectorLabel.LABOUR, body: `${HOSTILE.script}\n${HOSTILE.bold}\n${HOSTILE.link}\n${HOSTILE.image}\n${HOSTILE.code}\n${HOSTILE.table}`, createdAt: '2026-11-23T05:12:00.000Z', replyToId: null },
                    { id: 'c3', author: HOSTILE.bold, organization: HOSTILE.html, sector: 'MEDIA', sectorLabel: sectorLabel.MEDIA, body: '通勤手段の確保が必要', createdAt: '2026-11-23T05:13:00.000Z', replyToId: 'c2' },
                  ],
                },
              ],
            },
            decisions: [
              {
                recordId: 'r1',
                seq: 1,
                hash: 'b'.repeat(64),
                prevHash: null,
                supersedes: null,
                supersededBy: null,
                decidedAt: '2026-11-23T07:00:00.000Z',
                proposalVersion: 2,
                proposalHash: 'a'.repeat(64),
                rule: 'CROSS_SECTOR',
                ruleLabel: { ja: '産官学金労言合意', en: 'Cross-sector consensus' },
                params: { threshold: 0.6, quorum: 0, minSectors: 2 },
                ballot: 'OPEN',
                ballotLabel: { ja: '記名投票', en: 'Open (named) ballot' },
                outcome: 'ADOPTED',
                outcomeLabel: { ja: '採択', en: 'Adopted' },
                reasons: [
                  { code: 'NO_BLOCK', ja: 'ブロックはありません', en: 'Nobody blocked' },
                  { code: 'ALL_SECTORS_MET', ja: '全2分野で基準（賛成 60% 以上）を満たしました', en: 'All 2 sectors reached 60% agree' },
                ],
                tally: {
                  agree: 3,
                  disagree: 1,
                  abstain: 0,
                  block: 0,
                  total: 4,
                  bySector: [
                    { sector: 'INDUSTRY', sectors: ['INDUSTRY'], label: sectorLabel.INDUSTRY, agree: 2, disagree: 0, abstain: 0, block: 0, total: 2 },
                    { sector: 'LABOUR', sectors: ['LABOUR'], label: sectorLabel.LABOUR, agree: 1, disagree: 1, abstain: 0, block: 0, total: 2 },
                  ],
                },
                dissent: [
                  {
                    id: 'd1',
                    kind: 'VOTE',
                    choice: 'DISAGREE',
                    choiceLabel: { ja: '反対', en: 'Disagree' },
                    sector: 'LABOUR',
                    sectorLabel: sectorLabel.LABOUR,
                    name: '労働 三郎',
                    reason: `夜間の安全が心配 ${HOSTILE.script}`,
                    responses: [{ response: '照明を増設します', respondedBy: '主催 一郎', respondedAt: '2026-11-24T01:00:00.000Z' }],
                  },
                ],
                actionItems: [
                  {
                    id: 'ai1',
                    title: '候補地の調査',
                    ownerOrganization: '北秋田市 総合政策課',
                    ownerSector: 'GOVERNMENT',
                    ownerSectorLabel: sectorLabel.GOVERNMENT,
                    dueDate: '2027-03-31',
                    kpi: '候補地3か所の比較表',
                    status: 'OPEN',
                    statusLabel: { ja: '未完了', en: 'Open' },
                  },
                ],
                analytics: {
                  // Labour (1 + 1) / (2 + 2) is the lowest sector.
                  bridgingScore: 0.5,
                  agreement: [
                    { sector: 'INDUSTRY', label: sectorLabel.INDUSTRY, agreeShare: 1, voters: 2, suppressed: false },
                    none('GOVERNMENT'),
                    none('ACADEMIA'),
                    none('FINANCE'),
                    { sector: 'LABOUR', label: sectorLabel.LABOUR, agreeShare: 0.5, voters: 2, suppressed: false },
                    none('MEDIA'),
                    none('CITIZEN'),
                  ],
                },
              },
            ],
          },
        ],
        missingVoices: [],
      },
    ],
    summary: `全体として、テレワーク拠点の整備に合意した。\n${HOSTILE.script} ${HOSTILE.link}`,
    analytics: {
      // c3 (media) replied to c2 (labour): one reply, across sectors.
      dialogue: { index: 1, replies: 1, crossSector: 1 },
      representation: [
        { sector: 'INDUSTRY', label: sectorLabel.INDUSTRY, count: 2, share: 0.5, target: 0.1667, underRepresented: false },
        { sector: 'GOVERNMENT', label: sectorLabel.GOVERNMENT, count: 0, share: 0, target: 0.1667, underRepresented: true },
        { sector: 'ACADEMIA', label: sectorLabel.ACADEMIA, count: 0, share: 0, target: 0.1667, underRepresented: true },
        { sector: 'FINANCE', label: sectorLabel.FINANCE, count: 0, share: 0, target: 0.1667, underRepresented: true },
        { sector: 'LABOUR', label: sectorLabel.LABOUR, count: 1, share: 0.25, target: 0.1667, underRepresented: false },
        { sector: 'MEDIA', label: sectorLabel.MEDIA, count: 1, share: 0.25, target: 0.1667, underRepresented: false },
        { sector: 'CITIZEN', label: sectorLabel.CITIZEN, count: 0, share: 0, target: 0, underRepresented: false },
      ],
    },
    footer: {
      generatedAt: '2026-11-23T08:00:00.000Z',
      finalizedAt: null,
      finalizedBy: null,
      chain: { valid: true, length: 1, brokenAt: null, reason: null, headHash: 'b'.repeat(64) },
    },
    ...overrides,
  };
}
