import type { RunningServer } from '../../src/server';
import { docxText, pdfText, readZipEntry } from '../support/export-files';
import { GqlClient } from '../support/graphql-client';
import { download, endMeeting, startMeetingWith } from '../support/minutes-factories';
import type { Account } from '../support/factories';
import { newMember, newProcess } from '../support/process-factories';
import { newComment, newProposal } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

const BUS = ['路線バスの減便で通院が大変です🚌', 'デマンド交通を夜まで走らせてほしい', 'バスの本数を増やして高校生の通学を支えて', '交通空白地域のバス路線を守ってほしい', '乗合タクシーとバスの乗り継ぎを良くして', '通院のためのバスが一日二本しかない'];
const CARE = ['保育園の待機児童をなくしてほしい', '子育て世帯への保育料の支援を広げて', '病児保育の施設が足りません', '学童保育の時間を延ばしてほしい', '保育士の処遇を改善して保育園を増やす', '子育て支援センターを駅前につくってほしい'];
const HIDDEN = 'バスの運転手の〇〇さんが失礼でした（個人名）';
const BEFORE = '会議前に寄せた交通の意見：バス停の屋根';
const RENAMED = '地域交通と通院の足';

/**
 * 「主な論点」 in the minutes, every format and both languages: the meeting's themes with key
 * phrases, size, sector mix (small sectors named, not counted), stances and up to 3 verbatim
 * representatives with their sector — never a hidden comment, nothing written before the meeting.
 */
describe('minutes: 主な論点 (themes of the meeting)', () => {
  let server: RunningServer;
  let meetingId: string;
  let reader: Account;
  let renamedId: string;
  const get = (p: string) => download(server.url, p, reader.client);

  beforeAll(async () => {
    server = await startTestServer();
    const base = new GqlClient(server.url);
    const p = await newProcess(base);
    const proposal = await newProposal(p.organizer.client, p, { title: '地域交通と子育ての支援' });
    // Three authors in each of 産 and 学, one in 言 (named, never counted).
    const authors = await Promise.all([...(['INDUSTRY', 'INDUSTRY', 'INDUSTRY', 'ACADEMIA', 'ACADEMIA', 'ACADEMIA'] as const), 'MEDIA' as const].map((s) => newMember(base, p, 'PARTICIPANT', s)));
    reader = await newMember(base, p, 'OBSERVER', 'CITIZEN');
    await newComment(authors[0]!.client, proposal.id, { body: BEFORE });
    ({ meetingId } = await startMeetingWith(p.organizer.client, p.id, [{ title: '生活の足と子育て', proposalIds: [proposal.id] }]));
    for (const [i, body] of [...BUS, ...CARE].entries()) await newComment(authors[i % 6]!.client, proposal.id, { body, stance: i % 2 ? 'SUPPORT' : 'CONCERN' });
    await newComment(authors[6]!.client, proposal.id, { body: 'バスの運賃を下げてほしい', stance: 'QUESTION' });
    const hidden = await newComment(authors[1]!.client, proposal.id, { body: HIDDEN });
    await p.organizer.client.ok('mutation($id: ID!) { hideComment(commentId: $id, reason: "個人名") { id } }', { id: hidden.id });
    const themes = (await p.organizer.client.ok<{ meeting: { themes: { id: string; commentIds: string[] }[] } }>('query($id: ID!) { meeting(id: $id) { themes { id commentIds } } }', { id: meetingId })).meeting.themes;
    renamedId = themes[0]!.id;
    await p.organizer.client.ok('mutation($id: ID!, $l: String!) { renameTheme(themeId: $id, label: $l) { id } }', { id: renamedId, l: RENAMED });
    await endMeeting(p.organizer.client, meetingId);
  });
  afterAll(() => server.close());

  it('minutes.json holds the themes: sizes add up, small sectors only named, representatives verbatim, nothing hidden or earlier', async () => {
    const json = JSON.parse((await get(`/api/meetings/${meetingId}/minutes.json`)).body.toString('utf8'));
    const section = json.document.themes;
    expect(section.comments).toBe(BUS.length + CARE.length + 1);
    expect(section.themes.length).toBeGreaterThanOrEqual(2);
    expect(section.themes.reduce((n: number, t: { size: number }) => n + t.size, 0)).toBe(section.comments);
    const renamed = section.themes.find((t: { id: string }) => t.id === renamedId);
    expect(renamed).toMatchObject({ label: RENAMED, renamed: true });
    for (const t of section.themes) {
      expect(t.representatives.length).toBeLessThanOrEqual(3);
      for (const r of t.representatives) expect([...BUS, ...CARE, 'バスの運賃を下げてほしい']).toContain(r.body);
      expect(t.sectors.every((s: { sector: string }) => s.sector !== 'MEDIA')).toBe(true);
    }
    expect(section.themes.some((t: { smallSectors: { sector: string }[] }) => t.smallSectors.some((s) => s.sector === 'MEDIA'))).toBe(true);
    const text = JSON.stringify(section);
    expect(text).not.toContain(HIDDEN);
    expect(text).not.toContain(BEFORE);
  });

  it('minutes.md has 「主な論点」 after the agenda items, before the analytics, in Japanese and in English', async () => {
    const md = (await get(`/api/meetings/${meetingId}/minutes.md`)).body.toString('utf8');
    const item = md.indexOf('## 議題 1');
    const themes = md.indexOf('## 主な論点');
    const analytics = md.indexOf('## 分野横断の分析');
    expect(item).toBeGreaterThan(0);
    expect(themes).toBeGreaterThan(item);
    expect(analytics).toBeGreaterThan(themes);
    const section = md.slice(themes, analytics);
    expect(section).toMatch(new RegExp(`### \\d+\\\\\\. ${RENAMED}`));
    expect(section).toContain('代表的な意見（原文）');
    expect(section).toMatch(/\\\[(産業界|大学・教育|報道・メディア)・(賛同|懸念|質問)\\\]/);
    expect(section).not.toContain(HIDDEN);
    const en = (await get(`/api/meetings/${meetingId}/minutes.md?lang=en`)).body.toString('utf8');
    const enSection = en.slice(en.indexOf('## Main themes'));
    expect(enSection).toContain('Representative comments (verbatim)');
    expect(enSection).toContain('Sectors raising it');
    expect(enSection).toContain(RENAMED);
  });

  it('minutes.docx and minutes.pdf hold the same section (ja and en), without the hidden comment', async () => {
    const json = JSON.parse((await get(`/api/meetings/${meetingId}/minutes.json`)).body.toString('utf8'));
    const quoted: string = json.document.themes.themes[0].representatives[0].body;
    const flat = (x: string) => x.replace(/\s+/g, '');
    for (const lang of ['', '?lang=en']) {
      const docx = docxText(readZipEntry((await get(`/api/meetings/${meetingId}/minutes.docx${lang}`)).body, 'word/document.xml'));
      const pdf = pdfText((await get(`/api/meetings/${meetingId}/minutes.pdf${lang}`)).body);
      for (const text of [docx, pdf].map(flat)) {
        const [heading, next] = lang ? ['Mainthemes', 'Cross-sectoranalytics'] : ['主な論点', '分野横断の分析'];
        const section = text.slice(text.indexOf(heading), text.indexOf(next, text.indexOf(heading)));
        expect(text.indexOf(heading)).toBeGreaterThan(0);
        expect(section).toContain(RENAMED);
        expect(section).toContain(flat(quoted).slice(0, 10));
        expect(text).not.toContain(flat(HIDDEN));
      }
    }
  });
});
