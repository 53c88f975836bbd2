import MarkdownIt from 'markdown-it';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunningServer } from '../../src/server';
import { docxText, pdfText, readZipEntry } from '../support/export-files';
import { GqlClient } from '../support/graphql-client';
import { download, FORMULA_REASON, HIDDEN_COMMENT, HOSTILE_COMMENT, MEETING_TITLE, minutesScenario, type MinutesScenario } from '../support/minutes-factories';
import { sql } from '../support/proposal-factories';
import { startTestServer } from '../support/test-app';

const VERIFIER = path.join(__dirname, '../../../../tools/verify-records.mjs');

/** RFC 4180 parser (quotes, doubled quotes, CRLF, newlines inside quotes), for reading votes.csv back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Runs tools/verify-records.mjs on a file, as someone would offline. */
function verifyOffline(content: string): { status: number; out: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yoriai-verify-'));
  try {
    const file = path.join(dir, 'records.json');
    writeFileSync(file, content);
    const r = spawnSync(process.execPath, [VERIFIER, file], { encoding: 'utf8' });
    return { status: r.status ?? -1, out: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('exports: minutes (md, docx, pdf, json), votes.csv, records.json', () => {
  let server: RunningServer;
  let s: MinutesScenario;
  const get = (p: string, client?: GqlClient, headers?: Record<string, string>) => download(server.url, p, client, headers);

  beforeAll(async () => {
    server = await startTestServer();
    s = await minutesScenario(new GqlClient(server.url));
  });
  afterAll(() => server.close());

  describe('minutes.md', () => {
    it('is the draft minutes with every section, as Markdown with a Japanese file name', async () => {
      const res = await get(`/api/meetings/${s.meetingId}/minutes.md`, s.participant.client);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="minutes-${s.meetingId.slice(0, 8)}-draft.md"; filename*=UTF-8''${encodeURIComponent(`${MEETING_TITLE}_議事録（案）.md`)}`,
      );
      expect(res.headers.get('x-minutes-status')).toBe('DRAFT');
      const md = res.body.toString('utf8');
      expect(md.split('\n')[0]).toBe(`# ${MEETING_TITLE} 議事録（案）`);
      expect(md).toMatch(/\*\*日時\*\*: \d{4}年\d{1,2}月\d{1,2}日\([月火水木金土日]\) \d{2}:\d{2}–\d{2}:\d{2}/);
      expect(md).toContain('**場所**: 北秋田市役所 第1会議室');
      expect(md).toContain('**主催**: 主催 一郎');
      expect(md).toContain('**ファシリテーター**: 主催 一郎');
      expect(md).toContain('## 出席者（計 8 名）');
      expect(md).toMatch(/\| 産業界 \| 3 \| INDUSTRY 投票者1、INDUSTRY 投票者2、INDUSTRY 投票者3 \|/);
      expect(md).toContain('| 報道・メディア | 1 | ゲスト 七海（秋北新聞社・ゲスト） |');
      expect(md).toContain('- 1\\. 若者・女性にも選ばれる働き方　柱: 安心して働き、暮らせる地方の生活環境の創生　予定 45 分');
      expect(md).toContain('### 提案: テレワーク拠点「森のオフィス」の整備（第1版）');
      expect(md).toContain('| 拠点利用者数 | 0人 | 年間3,000人 | 2028年3月31日 |');
      expect(md).toContain('#### 意見（3 件）');
      expect(md).toContain('**\\[労働団体\\] LABOUR 投票者1**: 夜間の安全が心配です');
      expect(md).toContain('モデレーターが非表示にしたコメント 1 件は掲載していません。');
      expect(md).toContain('会議前にオンラインで寄せられたコメントが 1 件あります');
      expect(md).not.toContain(HIDDEN_COMMENT);
      expect(md).toContain('**決定方式**: 合意（コンセント）（基準 75%）');
      expect(md).toContain('**結果**: 採択');
      expect(md).toContain(`**記録ハッシュ**: ${s.openRecord.hash}`);
      expect(md).toContain(`**記録ハッシュ**: ${s.secretRecord.hash}`);
      expect(md).toMatch(/\| 産業界 \| 3 \| 0 \| 0 \| 0 \| 3 \|\n\| 行政 \| 1 \| 0 \| 0 \| 0 \| 1 \|\n\| 労働団体 \| 0 \| 1 \| 0 \| 0 \| 1 \|\n\| 報道・メディア \| 1 \| 0 \| 0 \| 0 \| 1 \|\n\| \*\*合計\*\* \| \*\*5\*\* \| \*\*1\*\* \| \*\*0\*\* \| \*\*0\*\* \| \*\*6\*\* \|/);
      // Secret ballot: sectors with fewer than 3 voters are merged, and no voter is named.
      expect(md).toContain('| 行政・労働団体・報道・メディア（統合） | 1 | 1 | 1 | 0 | 3 |');
      expect(md).toContain('- **反対 / 労働団体 / LABOUR 投票者1**: ');
      expect(md).toContain('**回答（主催 一郎、');
      expect(md).toContain('夜間照明を増設し、巡回を行います。');
      expect(md).toContain('| 候補地の調査 | テレワーク拠点「森のオフィス」の整備 | 北秋田市 総合政策課 / 行政 | 2027年3月31日 | 候補地3か所の比較表 | 予定 |');
      expect(md).toContain('**合意記録チェーンの検証**: 正常（2 件の記録を検証）');
    });

    it('has the analytics section: bridging score and agreement per sector per decision, missing voices per item, dialogue index, representation', async () => {
      const md = (await get(`/api/meetings/${s.meetingId}/minutes.md`, s.participant.client)).body.toString('utf8');
      const [openPart, secretPart] = md.split('### 提案: 地域通貨の導入');
      // Open ballot: labour's lone DISAGREE is the weakest sector, (0 + 1) / (1 + 2).
      expect(openPart).toContain('#### 分野別の賛成率\n\n- **架け橋スコア**: 33\\.3%');
      expect(openPart).toMatch(/\| 産業界 \| 100% \| 3 \|\n\| 行政 \| 100% \| 1 \|\n\| 大学・教育 \| —（投票なし） \| 0 \|\n\| 金融機関 \| —（投票なし） \| 0 \|\n\| 労働団体 \| 0% \| 1 \|\n\| 報道・メディア \| 100% \| 1 \|\n\| 住民 \| —（投票なし） \| 0 \|/);
      // Secret ballot: scored on the merged tally; the pooled sectors are hidden, not just the small ones' figures.
      expect(secretPart).toContain('- **架け橋スコア**: 50%');
      expect(secretPart).toMatch(/\| 産業界 \| 100% \| 3 \|\n\| 行政 \| 非表示（秘密投票・3人未満） \| — \|\n\| 大学・教育 \| —（投票なし） \| 0 \|\n\| 金融機関 \| —（投票なし） \| 0 \|\n\| 労働団体 \| 非表示（秘密投票・3人未満） \| — \|\n\| 報道・メディア \| 非表示（秘密投票・3人未満） \| — \|/);
      // Every sector in the room spoke on both items (the observer attends but cannot speak).
      expect(md.match(/#### 声の届いていない分野\n\nなし（出席した全分野がコメントまたは投票をしました）/g)).toHaveLength(2);
      expect(md).toContain('## 分野横断の分析\n\n- **対話指数**: 100%（会議中の返信 1 件のうち 1 件が他分野への返信）');
      expect(md).toMatch(/\| 産業界 \| 3 \| 37\\.5% \| 16\\.6% \| — \|\n\| 行政 \| 2 \| 25% \| 16\\.6% \| — \|\n\| 大学・教育 \| 0 \| 0% \| 16\\.6% \| 不足 \|/);
      expect(md).toContain('目標の半分に満たない分野：大学・教育、金融機関');
      const en = (await get(`/api/meetings/${s.meetingId}/minutes.md?lang=en`, s.participant.client)).body.toString('utf8');
      for (const s2 of ['#### Agreement by sector', '- **Bridging score**: 33\\.3%', '| Labour | Hidden (secret ballot, fewer than 3) | — |', '#### Missing voices', '## Cross-sector analytics', '- **Dialogue index**: 100% (1 of 1 reply during the meeting answered another sector)', 'Below half their target: Academia, Finance']) {
        expect(en).toContain(s2);
      }
    });

    it('never turns what participants wrote into markup', async () => {
      const md = (await get(`/api/meetings/${s.meetingId}/minutes.md`, s.participant.client)).body.toString('utf8');
      const html = new MarkdownIt({ html: true, linkify: true }).render(md);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).not.toContain('<strong>bold</strong>');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](javascript:alert(1))');
    });

    it('has English labels with ?lang=en while people’s text stays as written', async () => {
      const res = await get(`/api/meetings/${s.meetingId}/minutes.md?lang=en`, s.participant.client);
      const md = res.body.toString('utf8');
      expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`${MEETING_TITLE}_minutes-DRAFT.md`)}`);
      expect(md.split('\n')[0]).toBe(`# ${MEETING_TITLE} Minutes (DRAFT)`);
      for (const s2 of ['## Attendance (8 people)', '| Industry | 3 |', '#### Dissenting views', '## Next steps', '**Outcome**: Adopted', 'Government + Labour + Media (merged)', '夜間の安全が心配です']) expect(md).toContain(s2);
      expect(md).toMatch(/\*\*Date and time\*\*: (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}–\d{2}:\d{2} JST/);
      expect(md).not.toMatch(/出席者|少数意見|今後の対応/);
    });
  });

  it('minutes.docx is a Word document with the Japanese title, headings and the tally table', async () => {
    const res = await get(`/api/meetings/${s.meetingId}/minutes.docx`, s.observer.client);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = readZipEntry(res.body, 'word/document.xml');
    const text = docxText(xml);
    expect(text).toContain(`${MEETING_TITLE} 議事録（案）`);
    expect(text).toContain('出席者（計 8 名）');
    expect(xml).toContain('w:eastAsia="游ゴシック"');
    const tally = xml.split('<w:tbl>').find((t) => t.includes('>ブロック<') && t.includes('>労働団体<')) ?? '';
    expect(docxText(tally)).toMatch(/分野\n賛成\n反対\n棄権\nブロック\n計\n産業界\n3\n0\n0\n0\n3\n行政\n1\n0\n0\n0\n1\n労働団体\n0\n1\n0\n0\n1\n報道・メディア\n1\n0\n0\n0\n1\n合計\n5\n1\n0\n0\n6/);
    expect(xml).not.toContain('<script>');
    expect(text).toContain(HOSTILE_COMMENT);
    // The analytics section, with Japanese labels.
    for (const w of ['分野別の賛成率', '架け橋スコア', '声の届いていない分野', '分野横断の分析', '対話指数', '出席者の代表性', '非表示（秘密投票・3人未満）', '目標の半分に満たない分野：大学・教育、金融機関']) expect(text).toContain(w);
    const agreement = xml.split('<w:tbl>').find((t) => t.includes('>賛成率<')) ?? '';
    expect(docxText(agreement)).toMatch(/^分野\n賛成率\n投票者\n産業界\n100%\n3\n行政\n100%\n1\n/);
    const en = docxText(readZipEntry((await get(`/api/meetings/${s.meetingId}/minutes.docx?lang=en`, s.observer.client)).body, 'word/document.xml'));
    for (const w of ['Agreement by sector', 'Bridging score', 'Missing voices', 'Cross-sector analytics', 'Dialogue index', 'Representation of the attendance']) expect(en).toContain(w);
  });

  it('minutes.pdf is a searchable A4 PDF with the Japanese title and sector names', async () => {
    const res = await get(`/api/meetings/${s.meetingId}/minutes.pdf`, s.participant.client);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(res.body);
    expect(text).toContain(`${MEETING_TITLE} 議事録（案）`);
    for (const w of ['産業界', '行政', '労働団体', '報道・メディア', '少数意見', '今後の対応', '候補地の調査']) expect(text).toContain(w);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text.replace(/\s+/g, '')).toContain(s.openRecord.hash);
    expect(pdfText(res.body, ['-layout'])).toMatch(/合計\s+5\s+1\s+0\s+0\s+6/);
    for (const w of ['分野別の賛成率', '架け橋スコア', '声の届いていない分野', '分野横断の分析', '対話指数', '出席者の代表性', '非表示（秘密投票・3人未満）']) expect(text).toContain(w);
    expect(text).toContain('目標の半分に満たない分野：大学・教育、金融機関');
    // The participant's emoji is a glyph of the embedded Noto Emoji, so it extracts as text.
    expect(text).toContain('雇用が生まれます🌾');
    const en = pdfText((await get(`/api/meetings/${s.meetingId}/minutes.pdf?lang=en`, s.participant.client)).body);
    for (const w of ['Agreement by sector', 'Missing voices', 'Cross-sector analytics', 'Dialogue index']) expect(en).toContain(w);
  });

  it('minutes.json is the bilingual MinutesDocument (open data) with schemaVersion', async () => {
    const res = await get(`/api/meetings/${s.meetingId}/minutes.json?lang=en`, s.participant.client);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const json = JSON.parse(res.body.toString('utf8'));
    expect(json).toMatchObject({ format: 'yoriai.minutes-export/1', status: 'DRAFT', contentHash: null });
    const doc = json.document;
    expect(doc).toMatchObject({ kind: 'yoriai.minutes', schemaVersion: 2, status: 'DRAFT', meeting: { id: s.meetingId, title: MEETING_TITLE, status: 'ENDED', timeZone: 'Asia/Tokyo' } });
    expect(doc.attendance.total).toBe(8);
    expect(doc.attendance.bySector.map((g: { sector: string; count: number }) => [g.sector, g.count])).toEqual([
      ['INDUSTRY', 3],
      ['GOVERNMENT', 2],
      ['LABOUR', 1],
      ['MEDIA', 1],
      ['CITIZEN', 1],
    ]);
    expect(doc.attendance.bySector[3].attendees).toEqual([expect.objectContaining({ name: 'ゲスト 七海', organization: '秋北新聞社', guest: true })]);
    const [item1, item2] = doc.agenda;
    const p1 = item1.proposals[0];
    expect(p1.discussion).toMatchObject({ total: 3, hiddenCount: 1, earlierCount: 1 });
    expect(JSON.stringify(doc)).not.toContain(HIDDEN_COMMENT);
    expect(p1.decisions[0]).toMatchObject({ recordId: s.openRecord.id, seq: 1, hash: s.openRecord.hash, outcome: 'ADOPTED', outcomeLabel: { ja: '採択', en: 'Adopted' } });
    expect(p1.decisions[0].actionItems[0]).toMatchObject({ title: '候補地の調査', dueDate: '2027-03-31', ownerSector: 'GOVERNMENT' });
    const secret = item2.proposals[0].decisions[0];
    expect(secret.ballot).toBe('SECRET');
    expect(secret.dissent.every((d: { name: string | null }) => d.name === null)).toBe(true);
    expect(doc.footer.chain).toEqual({ valid: true, length: 2, brokenAt: null, reason: null, headHash: s.secretRecord.hash });
    // Analytics: the same formulas (and figures) as the GraphQL fields.
    expect(p1.decisions[0].analytics.bridgingScore).toBe(0.3333);
    expect(p1.decisions[0].analytics.agreement.find((c: { sector: string }) => c.sector === 'LABOUR')).toEqual({ sector: 'LABOUR', label: { ja: '労働団体', en: 'Labour' }, agreeShare: 0, voters: 1, suppressed: false });
    expect(secret.analytics.bridgingScore).toBe(0.5);
    expect(secret.analytics.agreement.filter((c: { suppressed: boolean }) => c.suppressed).map((c: { sector: string; agreeShare: null; voters: null }) => [c.sector, c.agreeShare, c.voters])).toEqual([
      ['GOVERNMENT', null, null],
      ['LABOUR', null, null],
      ['MEDIA', null, null],
    ]);
    expect(doc.agenda.map((a: { missingVoices: unknown[] }) => a.missingVoices)).toEqual([[], []]);
    const live = await s.organizer.client.ok<{ meeting: { dialogueIndex: number; representation: { sector: string; count: number; share: number; target: number; underRepresented: boolean }[] } }>(
      'query($id: ID!) { meeting(id: $id) { dialogueIndex representation { sector count share target underRepresented } } }',
      { id: s.meetingId },
    );
    expect(doc.analytics.dialogue).toEqual({ index: live.meeting.dialogueIndex, replies: 1, crossSector: 1 });
    const round4 = (x: number) => Math.round(x * 10000) / 10000;
    expect(doc.analytics.representation.map((r: { sector: string; count: number; share: number; target: number; underRepresented: boolean }) => ({ sector: r.sector, count: r.count, share: r.share, target: r.target, underRepresented: r.underRepresented }))).toEqual(
      live.meeting.representation.map((r) => ({ ...r, share: round4(r.share), target: round4(r.target) })),
    );
  });

  describe('votes.csv', () => {
    it('has a BOM, one row per current vote, named open ballots and anonymous secret ballots', async () => {
      const res = await get(`/api/processes/${s.process.id}/votes.csv`, s.observer.client);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(res.body.toString('utf8').slice(1));
      expect(header).toEqual(['提案ID', '提案', '採決回', '版', '決定方式', '投票方式', '採決状況', '分野', '選択', '理由', '代理入力', '日時（日本時間）', '投票者', '所属']);
      const [{ n }] = await sql<{ n: number }>(server.databaseUrl, 'SELECT count(*)::int AS n FROM vote v JOIN voting_round r ON r.id = v.round_id WHERE r.process_id = $1', [s.process.id]);
      expect(rows).toHaveLength(n);
      expect(rows).toHaveLength(s.votes);
      const open = rows.filter((r) => r[0] === s.open.id);
      const secret = rows.filter((r) => r[0] === s.secret.id);
      expect(open.map((r) => r[12]).sort()).toEqual(['INDUSTRY 投票者1', 'INDUSTRY 投票者2', 'INDUSTRY 投票者3', 'LABOUR 投票者1', 'ゲスト 七海', '主催 一郎'].sort());
      expect(open.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[11] ?? ''))).toBe(true);
      // A formula in a reason stays text; quotes, commas and the line break survive.
      expect(open.find((r) => r[12] === 'LABOUR 投票者1')?.[9]).toBe(`'${FORMULA_REASON}`);
      // Secret ballot: no name, organisation, time or proxy flag; small sectors merged.
      expect(secret).toHaveLength(6);
      for (const r of secret) expect([r[10], r[11], r[12], r[13]]).toEqual(['', '', '', '']);
      expect(secret.map((r) => r[7])).toEqual(['産業界', '産業界', '産業界', '行政・労働団体・報道・メディア', '行政・労働団体・報道・メディア', '行政・労働団体・報道・メディア']);
      expect(secret.map((r) => r[8])).toEqual(['賛成', '賛成', '賛成', '賛成', '反対', '棄権']);
      const body = res.body.toString('utf8');
      for (const name of ['INDUSTRY 投票者1', 'LABOUR 投票者1', 'ゲスト 七海']) expect(secret.some((r) => r.includes(name))).toBe(false);
      expect(body.split('\r\n').length).toBeGreaterThan(s.votes);
    });

    it('adds the votes people changed away from with ?history=1 (open ballots), and English headers with ?lang=en', async () => {
      const res = await get(`/api/processes/${s.process.id}/votes.csv?history=1&lang=en`, s.participant.client);
      const [header, ...rows] = parseCsv(res.body.toString('utf8').slice(1));
      expect(header[0]).toBe('proposal_id');
      expect(header.at(-1)).toBe('current');
      expect(rows).toHaveLength(s.votes + 1);
      const changed = rows.filter((r) => r[12] === 'LABOUR 投票者1' && r[0] === s.open.id);
      expect(changed.map((r) => [r[8], r.at(-1)])).toEqual([
        ['Agree', 'no'],
        ['Disagree', 'yes'],
      ]);
    });
  });

  describe('records.json', () => {
    it('is the chain with its algorithm, and verifies offline; one changed digit is caught', async () => {
      const res = await get(`/api/processes/${s.process.id}/records.json`, s.participant.client);
      expect(res.status).toBe(200);
      const text = res.body.toString('utf8');
      const data = JSON.parse(text);
      expect(data.algorithm.hash).toBe('hash = lowercase_hex(sha256(utf8(canonicalJson({ "body": body, "prevHash": prevHash }))))');
      expect(data.records.map((r: { seq: number; hash: string }) => [r.seq, r.hash])).toEqual([
        [1, s.openRecord.hash],
        [2, s.secretRecord.hash],
      ]);
      expect(data.records[1].prevHash).toBe(s.openRecord.hash);
      expect(data.verification).toMatchObject({ valid: true, length: 2 });

      const ok = verifyOffline(text);
      expect(ok).toEqual({ status: 0, out: `OK: 2 records verified, head hash ${s.secretRecord.hash}\n` });
      // One digit of the first record's tally changed (5 agree → 4): the chain breaks at seq 1.
      const tampered = JSON.parse(text);
      tampered.records[0].body.tally.agree = 4;
      const bad = verifyOffline(JSON.stringify(tampered));
      expect(bad.status).toBe(1);
      expect(bad.out).toMatch(/^BROKEN at seq 1: HASH_MISMATCH/);
      // One hex digit of a hash changed: the next record's link no longer matches.
      const relinked = text.replace(`"hash": "${s.openRecord.hash}"`, `"hash": "${s.openRecord.hash.slice(0, -1)}${s.openRecord.hash.endsWith('0') ? '1' : '0'}"`);
      expect(verifyOffline(relinked).out).toMatch(/^BROKEN at seq 1: HASH_MISMATCH/);
      // Not an export at all: exit code 2 (unusable input), not 1 (a broken chain).
      expect(verifyOffline('{"hello": "world"}')).toEqual({ status: 2, out: expect.stringContaining('not a Yoriai records export') });
    });
  });

  describe('access and bad requests', () => {
    const paths = () => [`/api/meetings/${s.meetingId}/minutes.md`, `/api/meetings/${s.meetingId}/minutes.pdf`, `/api/processes/${s.process.id}/votes.csv`, `/api/processes/${s.process.id}/records.json`];

    it('refuses anonymous callers (401) and hides everything from non-members (404), as typed JSON errors', async () => {
      for (const p of paths()) {
        const anon = await get(p);
        expect(anon.status).toBe(401);
        expect(JSON.parse(anon.body.toString())).toEqual({ error: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', message: 'ログインが必要です。' } });
        const stranger = await get(p, s.stranger.client, { 'accept-language': 'en' });
        expect(stranger.status).toBe(404);
        expect(JSON.parse(stranger.body.toString()).error).toEqual({ code: 'NOT_FOUND', reason: 'NOT_A_MEMBER', message: 'You are not a member of this process.' });
      }
      const forged = await get(`/api/meetings/${s.meetingId}/minutes.md`, undefined, { authorization: 'Bearer not-a-token' });
      expect(forged.status).toBe(401);
      expect(JSON.parse(forged.body.toString()).error.reason).toBe('TOKEN_INVALID');
    });

    it('accepts the session cookie as well as the bearer header, and lets observers download', async () => {
      const res = await get(`/api/meetings/${s.meetingId}/minutes.json`, undefined, { cookie: `yoriai_session=${s.observer.client.token}` });
      expect(res.status).toBe(200);
      expect((await get(`/api/processes/${s.process.id}/records.json`, s.observer.client)).status).toBe(200);
    });

    it('answers unknown ids, formats and options with typed errors', async () => {
      const cases: Array<[string, number, string]> = [
        ['/api/meetings/not-a-uuid/minutes.md', 404, 'NOT_FOUND'],
        ['/api/meetings/00000000-0000-4000-8000-000000000000/minutes.md', 404, 'NOT_FOUND'],
        [`/api/meetings/${s.meetingId}/minutes.xlsx`, 404, 'EXPORT_FORMAT_UNKNOWN'],
        [`/api/meetings/${s.meetingId}/minutes.md?lang=fr`, 400, 'EXPORT_LANGUAGE_UNSUPPORTED'],
        ['/api/processes/x/votes.csv', 404, 'NOT_FOUND'],
        [`/api/processes/${s.process.id}/votes.csv?history=yes`, 400, 'EXPORT_OPTION_INVALID'],
      ];
      for (const [p, status, reason] of cases) {
        const res = await get(p, s.participant.client);
        expect([p, res.status, JSON.parse(res.body.toString()).error.reason]).toEqual([p, status, reason]);
      }
    });
  });
});
