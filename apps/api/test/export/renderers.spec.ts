import MarkdownIt from 'markdown-it';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MinutesDocument } from '../../src/modules/minutes/minutes-document';
import { renderMinutesDocx } from '../../src/modules/export/docx.renderer';
import { escapeMarkdownLine, renderMinutesMarkdown } from '../../src/modules/export/markdown.renderer';
import { outlineMinutes, type RenderContext } from '../../src/modules/export/minutes-outline';
import { mergeInlineRuns } from '../../src/modules/export/pdf-inline-runs';
import { measureInlines } from '../../src/modules/export/pdf-style-lookups';
import { renderMinutesPdf } from '../../src/modules/export/pdf.renderer';
import { docxText, pdfInfo, pdfText, readZipEntry } from '../support/export-files';
import { HOSTILE, minutesFixture } from './minutes-fixture';

const ja: RenderContext = { lang: 'ja', contentHash: null, exportedAt: new Date('2026-11-23T09:00:00Z') };
const en: RenderContext = { ...ja, lang: 'en' };
const FINAL_HASH = 'c'.repeat(64);

/** The fixture as a secret ballot whose small sectors are suppressed, with a sector that never spoke. */
function secretFixture(): MinutesDocument {
  const doc = minutesFixture();
  const item = doc.agenda[0] as MinutesDocument['agenda'][number];
  const proposal = item.proposals[0] as MinutesDocument['agenda'][number]['proposals'][number];
  const decision = proposal.decisions[0] as MinutesDocument['agenda'][number]['proposals'][number]['decisions'][number];
  const agreement = (decision.analytics?.agreement ?? []).map((c) => (c.sector === 'LABOUR' ? { ...c, agreeShare: null, voters: null, suppressed: true } : c));
  return {
    ...doc,
    agenda: [{ ...item, missingVoices: [{ sector: 'FINANCE', label: { ja: '金融機関', en: 'Finance' } }], proposals: [{ ...proposal, decisions: [{ ...decision, ballot: 'SECRET', analytics: { bridgingScore: 0.75, agreement } }] }] }],
  };
}

/** A document finalised before the analytics section existed (schemaVersion 1). */
function versionOneFixture(): MinutesDocument {
  const doc = minutesFixture();
  const { analytics: _a, ...rest } = doc;
  return {
    ...rest,
    schemaVersion: 1,
    agenda: doc.agenda.map(({ missingVoices: _m, ...item }) => ({ ...item, proposals: item.proposals.map((p) => ({ ...p, decisions: p.decisions.map(({ analytics: _d, ...d }) => d) })) })),
  };
}

/** The most permissive Markdown renderer there is: raw HTML on, bare links on. */
const markdownToHtml = (md: string) => new MarkdownIt({ html: true, linkify: true }).render(md);

describe('minutes renderers (hand-built document)', () => {
  describe('Markdown', () => {
    it('prints the sections in order with Japanese labels and marks a draft 「案」', () => {
      const md = renderMinutesMarkdown(minutesFixture(), ja);
      expect(md.startsWith('# 第3回 北秋田市 地域ビジョン ワークショップ 議事録（案）\n')).toBe(true);
      const order = ['**日時**: 2026年11月23日(月) 14:00–16:30', '**場所**', '**主催**', '**ファシリテーター**', '## 出席者（計 4 名）', '## 議題', '## 議事概要', '## 議題 1:', '### 提案:', '#### 意見', '#### 採決（記録番号 1）', '#### 分野別の賛成率', '#### 少数意見', '#### 声の届いていない分野', '## 分野横断の分析', '### 出席者の代表性', '## 決定事項', '## 今後の対応', '## 記録と検証'];
      const positions = order.map((s) => md.indexOf(s));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(md).toContain('| 産業界 | 2 | 山田 太郎（北秋田商工会）、ゲスト 次郎（鷹巣観光協会・ゲスト） |');
      expect(md).toContain('| **合計** | **3** | **1** | **0** | **0** | **4** |');
      expect(md).toContain(`**記録ハッシュ**: ${'b'.repeat(64)}`);
      expect(md).toContain('モデレーターが非表示にしたコメント 2 件は掲載していません。');
      expect(md).toContain('案（未確定）');
    });

    it('adds the analytics: bridging score and agreement per sector, missing voices, dialogue index, representation vs targets', () => {
      const md = renderMinutesMarkdown(minutesFixture(), ja);
      expect(md).toContain('- **架け橋スコア**: 50%');
      expect(md).toMatch(/\| 分野 \| 賛成率 \| 投票者 \|\n\| --- \| ---: \| ---: \|\n\| 産業界 \| 100% \| 2 \|\n\| 行政 \| —（投票なし） \| 0 \|/);
      expect(md).toContain('| 労働団体 | 50% | 2 |');
      expect(md).toContain('#### 声の届いていない分野\n\nなし（出席した全分野がコメントまたは投票をしました）');
      expect(md).toContain('- **対話指数**: 100%（会議中の返信 1 件のうち 1 件が他分野への返信）');
      expect(md).toContain('| 分野 | 人数 | 割合 | 目標 | 状況 |');
      expect(md).toContain('| 産業界 | 2 | 50% | 16\\.6% | — |');
      expect(md).toContain('| 行政 | 0 | 0% | 16\\.6% | 不足 |');
      expect(md).toContain('| 住民 | 0 | 0% | 0% | — |');
      expect(md).toContain('目標の半分に満たない分野：行政、大学・教育、金融機関');
      // Every measure is explained in one line.
      for (const s2 of ['架け橋スコア：賛成率が最も低い分野の値', '対話指数：会議中の返信のうち', '目標の半分に満たない分野を「不足」']) expect(md).toContain(s2);
    });

    it('hides the small sectors of a secret ballot and names the sectors that did not speak', () => {
      const md = renderMinutesMarkdown(secretFixture(), ja);
      expect(md).toContain('| 労働団体 | 非表示（秘密投票・3人未満） | — |');
      expect(md).not.toContain('| 労働団体 | 50% |');
      expect(md).toContain('無記名投票のため、単独で表示されない分野');
      expect(md).toContain('#### 声の届いていない分野\n\n金融機関');
      const en2 = renderMinutesMarkdown(secretFixture(), en);
      expect(en2).toContain('| Labour | Hidden (secret ballot, fewer than 3) | — |');
      expect(en2).toContain('#### Missing voices\n\nFinance');
    });

    it('renders minutes finalised before the analytics section (schemaVersion 1) without it', () => {
      const md = renderMinutesMarkdown(versionOneFixture(), ja);
      expect(md).toContain('#### 少数意見');
      expect(md).not.toMatch(/分野別の賛成率|声の届いていない分野|分野横断の分析/);
    });

    it('never turns user text into markup, even under a renderer that allows raw HTML', () => {
      const html = markdownToHtml(renderMinutesMarkdown(minutesFixture(), ja));
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).not.toContain('<strong>bold</strong>');
      expect(html).not.toMatch(/<h1>見出しではない/);
      expect(html).not.toMatch(/<pre>|<code>/);
      expect(html).not.toMatch(/<ol>/);
      // …and every hostile string is still there as visible text.
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('**bold**');
      expect(html).toContain('[x](javascript:alert(1))');
      expect(html).toContain('# 見出しではない');
      expect(html).toContain('1. 番号付きではない');
      // The table a comment tried to open stayed text; the document's own tables are the only <table>s.
      expect(html.match(/<table>/g)?.length).toBe(7);
    });

    it('escapes line by line: block markers only matter at the start of a line', () => {
      expect(escapeMarkdownLine('1. x')).toBe('1\\. x');
      expect(escapeMarkdownLine('- x')).toBe('\\- x');
      expect(escapeMarkdownLine('===')).toBe('\\===');
      expect(escapeMarkdownLine('    code')).toBe('\u00a0\u00a0\u00a0\u00a0code');
      expect(escapeMarkdownLine('2027-03-31 (予定)')).toBe('2027-03-31 (予定)');
      expect(escapeMarkdownLine('a_b*c`d<e>&f|g~h#i[j]\\')).toBe('a\\_b\\*c\\`d\\<e\\>\\&f\\|g\\~h\\#i\\[j\\]\\\\');
    });

    it('uses English labels with ?lang=en and keeps what people wrote as written', () => {
      const md = renderMinutesMarkdown(minutesFixture(), en);
      expect(md).toContain('# 第3回 北秋田市 地域ビジョン ワークショップ Minutes (DRAFT)');
      for (const s of [
        '**Date and time**: Mon 23 Nov 2026, 14:00–16:30 JST',
        '## Attendance (4 people)',
        '## Agenda',
        '#### Dissenting views',
        '| Industry | 2 |',
        '## Next steps',
        'Cross-sector consensus (threshold 60%, min. sectors 2)',
        'All 2 sectors reached 60% agree',
        '#### Agreement by sector',
        '- **Bridging score**: 50%',
        '| Finance | — (no votes) | 0 |',
        '#### Missing voices',
        'None — every sector present commented or voted.',
        '## Cross-sector analytics',
        '- **Dialogue index**: 100% (1 of 1 reply during the meeting answered another sector)',
        '### Representation of the attendance',
        '| Government | 0 | 0% | 16\\.6% | Under-represented |',
        'Below half their target: Government, Academia, Finance',
      ]) {
        expect(md).toContain(s);
      }
      expect(md).toContain('Pillar: Creating a local living environment');
      expect(md).toContain('雇用が生まれます🌾');
      expect(md).not.toMatch(/出席者|少数意見|議事概要|架け橋|対話指数|代表性/);
    });

    it('shows the content hash of final minutes and no draft marks', () => {
      const md = renderMinutesMarkdown(minutesFixture({ status: 'FINAL', footer: { ...minutesFixture().footer, finalizedAt: '2026-11-24T00:00:00.000Z', finalizedBy: '事務局 四郎' } }), { ...ja, contentHash: FINAL_HASH });
      expect(md).not.toContain('（案）');
      expect(md).toContain(`**議事録の内容ハッシュ（SHA-256）**: ${FINAL_HASH}`);
      expect(md).toContain('**確定者**: 事務局 四郎');
    });
  });

  describe('DOCX', () => {
    it('is a Word document with headings, the tally and attendance tables and Japanese fonts', async () => {
      const docx = await renderMinutesDocx(minutesFixture(), ja);
      expect(docx.subarray(0, 2).toString()).toBe('PK');
      const xml = readZipEntry(docx, 'word/document.xml');
      const text = docxText(xml);
      expect(text).toContain('第3回 北秋田市 地域ビジョン ワークショップ 議事録（案）');
      expect(xml).toContain('w:val="Title"');
      expect(xml).toContain('w:val="Heading1"');
      expect(xml).toContain('w:eastAsia="游ゴシック"');
      expect(xml).toContain('w:ascii="Yu Gothic"');
      // Tables: header fields, attendance, proposal fields, KPIs, vote fields, tally, bridging score,
      // agreement by sector, dialogue index, representation, decisions, next steps, verification.
      expect(xml.match(/<w:tbl>/g)?.length).toBe(13);
      const tally = xml.split('<w:tbl>').find((t) => t.includes('>ブロック<') && t.includes('>合計<')) ?? '';
      expect(docxText(tally)).toMatch(/分野\n賛成\n反対\n棄権\nブロック\n計\n産業界\n2\n0\n0\n0\n2\n労働団体\n1\n1\n0\n0\n2\n合計\n3\n1\n0\n0\n4/);
      expect(text).toMatch(/産業界\n2\n山田 太郎（北秋田商工会）、ゲスト 次郎（鷹巣観光協会・ゲスト）/);
      const agreement = xml.split('<w:tbl>').find((t) => t.includes('>賛成率<')) ?? '';
      expect(docxText(agreement)).toMatch(/^分野\n賛成率\n投票者\n産業界\n100%\n2\n行政\n—（投票なし）\n0\n/);
      const representation = xml.split('<w:tbl>').find((t) => t.includes('>目標<')) ?? '';
      expect(docxText(representation)).toMatch(/分野\n人数\n割合\n目標\n状況\n産業界\n2\n50%\n16\.6%\n—\n行政\n0\n0%\n16\.6%\n不足/);
      for (const s2 of ['分野別の賛成率', '架け橋スコア', '声の届いていない分野', '分野横断の分析', '対話指数', '100%（会議中の返信 1 件のうち 1 件が他分野への返信）', '出席者の代表性', '目標の半分に満たない分野：行政、大学・教育、金融機関']) expect(text).toContain(s2);
      const secret = docxText(readZipEntry(await renderMinutesDocx(secretFixture(), ja), 'word/document.xml'));
      expect(secret).toMatch(/労働団体\n非表示（秘密投票・3人未満）\n—/);
      const styles = readZipEntry(docx, 'word/styles.xml');
      expect(styles).toContain('w:eastAsia="游ゴシック"');
    });

    it('writes hostile text as literal text (XML-escaped), never as markup', async () => {
      const xml = readZipEntry(await renderMinutesDocx(minutesFixture(), ja), 'word/document.xml');
      expect(xml).not.toContain('<script>');
      expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      const text = docxText(xml);
      for (const s of [HOSTILE.script, HOSTILE.bold, HOSTILE.link, HOSTILE.html]) expect(text).toContain(s);
    });

    it('has English labels with lang=en', async () => {
      const text = docxText(readZipEntry(await renderMinutesDocx(minutesFixture(), en), 'word/document.xml'));
      expect(text).toContain('Minutes (DRAFT)');
      expect(text).toContain('Dissenting views');
      expect(text).toMatch(/Sector\nAgree\nDisagree\nAbstain\nBlock\nTotal\nIndustry/);
      for (const s2 of ['Agreement by sector', 'Bridging score', 'Missing voices', 'Cross-sector analytics', 'Dialogue index', 'Representation of the attendance', 'Under-represented']) expect(text).toContain(s2);
      expect(text).toMatch(/Sector\nAgree share\nVoters\nIndustry\n100%\n2/);
    });
  });

  describe('PDF', () => {
    it('is an A4 PDF with Noto Sans JP embedded, whose text extracts: title, sectors, tally, page numbers', async () => {
      const pdf = await renderMinutesPdf(minutesFixture(), ja);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const info = pdfInfo(pdf);
      expect(info.pageSize).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
      expect(info.fonts).toMatch(/NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      const text = pdfText(pdf);
      expect(text).toContain('第3回 北秋田市 地域ビジョン ワークショップ 議事録（案）');
      for (const s of ['産業界', '労働団体', '報道・メディア', '少数意見', '今後の対応', '記録ハッシュ', `1 / ${info.pages} ページ`]) expect(text).toContain(s);
      const layout = pdfText(pdf, ['-layout']);
      expect(layout).toMatch(/産業界\s+2\s+0\s+0\s+0\s+2/);
      expect(layout).toMatch(/合計\s+3\s+1\s+0\s+0\s+4/);
      expect(text.replace(/\s+/g, '')).toContain('b'.repeat(64));
      for (const s of ['分野別の賛成率', '架け橋スコア', '声の届いていない分野', '分野横断の分析', '対話指数', '出席者の代表性']) expect(text).toContain(s);
      expect(layout).toMatch(/産業界\s+100%\s+2/);
      expect(layout).toMatch(/行政\s+0\s+0%\s+16\.6%\s+不足/);
      expect(pdfText(await renderMinutesPdf(secretFixture(), ja))).toContain('非表示（秘密投票・3人未満）');
    });

    it('prints emoji with the Noto Emoji font instead of empty boxes', async () => {
      const doc = minutesFixture({ summary: '🍙おにぎり🌸の試食会を開きます 👨‍👩‍👧 🇯🇵' });
      const pdf = await renderMinutesPdf(doc, ja);
      expect(pdfInfo(pdf).fonts).toMatch(/NotoEmoji-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      const text = pdfText(pdf);
      // pdftotext gives back each glyph's Unicode: the emoji are real text, not .notdef boxes.
      expect(text).toContain('🍙おにぎり🌸の試食会を開きます');
      // The comment with 🌾 in the fixture too.
      expect(text).toContain('雇用が生まれます🌾');
    });

    it('prints hostile text literally and uses English labels with lang=en', async () => {
      const text = pdfText(await renderMinutesPdf(minutesFixture(), en));
      expect(text).toContain(HOSTILE.script);
      expect(text).toContain(HOSTILE.link);
      expect(text).toContain('Minutes (DRAFT)');
      expect(text).toContain('Dissenting views');
      expect(text).toContain('Page 1 of');
    });

    it('never ends a page with a heading: it moves on with what it introduces', async () => {
      // 24 agenda items whose summaries grow by a line each, so the headings land everywhere on the pages.
      const base = minutesFixture();
      const item = base.agenda[0] as MinutesDocument['agenda'][number];
      const agenda = Array.from({ length: 24 }, (_, i) => ({ ...item, id: `a${i + 1}`, position: i + 1, title: `議題の見出し ${i + 1}`, summary: Array.from({ length: 1 + i }, (_, k) => `第${k + 1}行：地域の課題について各分野から意見があった。`).join('\n') }));
      const doc = { ...base, agenda };
      const headings = new Set(outlineMinutes(doc, ja).flatMap((b) => (b.kind === 'heading' ? [b.text] : [])));
      const pdf = await renderMinutesPdf(doc, ja);
      const pages = pdfText(pdf).split('\f').slice(0, -1);
      expect(pages.length).toBe(pdfInfo(pdf).pages);
      expect(pages.length).toBeGreaterThan(10);
      pages.forEach((page, i) => {
        // Body lines: without the running header (first line) and the footer (draft mark, page number).
        const body = page.split('\n').filter((l) => l.trim() && !/^\d+ \/ \d+ ページ$/.test(l.trim()) && l.trim() !== '案（未確定）').slice(1);
        const last = body.at(-1)?.trim() ?? '';
        if (headings.has(last)) throw new Error(`page ${i + 1} of ${pages.length} ends with the heading 「${last}」`);
      });
    });

    it('prints a line of alike characters as one run, never joining runs that print differently', () => {
      const jp = { name: 'NotoSansJP' };
      const emoji = { name: 'NotoEmoji' };
      const run = (text: string, x: number, font: object, extra: object = {}) => ({ text, x, width: 10 * [...text].length, font, fontSize: 10, color: 'black', opacity: 1, ...extra });
      const line = [run('地', 0, jp), run('域', 10, jp), run('の', 20, jp), run('🌾', 30, emoji), run('課', 40, jp), run('題', 50, jp, { color: '#555555' }), run('を', 60, jp, { color: '#555555' }), run('見', 80, jp, { color: '#555555' }), run('る', 90, jp, { color: '#555555', link: 'https://example.org' })];
      expect(mergeInlineRuns(line).map((r) => [r.text, r.x, r.width])).toEqual([
        ['地域の', 0, 30],
        ['🌾', 30, 10], // another font: its own run
        ['課', 40, 10], // another colour
        ['題を', 50, 20],
        ['見', 80, 10], // not touching the run before it
        ['る', 90, 10], // a link stays its own run
      ]);
    });

    it('measures inlines as pdfmake does, property for property, with the style stack asked once per text node', () => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const TextInlines = require('pdfmake/js/TextInlines').default;
      const StyleContextStack = require('pdfmake/js/StyleContextStack').default;
      /* eslint-enable @typescript-eslint/no-require-imports */
      // A font whose widths depend on the text, size and features, so that every property shows.
      const fonts = new Map<string, object>();
      const fontOf = (name: unknown, bold: unknown, italics: unknown) => {
        const key = `${String(name)}${bold ? '-bold' : ''}${italics ? '-italic' : ''}`;
        if (!fonts.has(key)) fonts.set(key, { name: key, widthOfString: (t: string, size: number, features: unknown) => [...t].length * size * (bold ? 0.6 : 0.5) + (features ? 1 : 0), lineHeight: (size: number) => size * 1.4 });
        return fonts.get(key);
      };
      const pdfDocument = { provideFont: fontOf };
      const stack = new StyleContextStack({ quote: { italics: true, color: '#333333', extends: 'base' }, base: { fontSize: 9 } }, { font: 'NotoSansJP', fontSize: 10, lineHeight: 1.3 });
      stack.push({ color: '#1F3A5F', leadingIndent: 4 });
      stack.push({ bold: false, opacity: 0.5 });
      const inlines = () => [
        { text: '  地' },
        { text: '域', lineEnd: true },
        { text: 'の ', noNewLine: true },
        { text: '意', bold: true },
        { text: '見:', bold: true },
        { text: '🌾', font: 'NotoEmoji' },
        { text: '域' },
        { text: '🌾', font: 'NotoEmoji', fontSize: 14 },
        { text: ' x ', style: 'quote' },
        { text: '²', sup: true, fontSize: 12 },
        { text: 'keep ', preserveTrailingSpaces: true, characterSpacing: 1 },
        { text: 'link', link: 'https://example.org', decoration: 'underline', fontFeatures: ['liga'] },
      ];
      const expected = new TextInlines(pdfDocument).measure(inlines(), stack);
      let walks = 0;
      const countingStack = Object.assign(Object.create(Object.getPrototypeOf(stack)), stack, {
        getProperty(this: typeof stack, property: string) {
          walks += 1;
          return stack.getProperty(property);
        },
      });
      const measured = measureInlines.call(new TextInlines(pdfDocument), inlines(), countingStack, StyleContextStack.getStyleProperty);
      expect(measured).toEqual(expected);
      // measure() reads 24 style properties per inline (and leadingIndent once): pdfmake walks the stack
      // 12 × 24 times here; now once per property for the node, plus the walks of the inline that names
      // a style of the dictionary, which takes pdfmake's own path.
      expect(walks).toBeLessThanOrEqual(25 + 24);
    });

    it('carries the content hash on final minutes', async () => {
      const text = pdfText(await renderMinutesPdf(minutesFixture({ status: 'FINAL' }), { ...ja, contentHash: FINAL_HASH }));
      expect(text).not.toContain('（案）');
      expect(text.replace(/\s+/g, '')).toContain(`sha256:${FINAL_HASH}`);
    });
  });

  it('renders the sample document that docs/exports.md pictures (it follows the current schema)', async () => {
    const sample = JSON.parse(readFileSync(path.join(__dirname, '../../../../docs/screenshots/minutes-sample.json'), 'utf8')) as MinutesDocument;
    const fixture = minutesFixture();
    // Same shape as the typed fixture: every key present at every level (values differ only in wording).
    const shape = (v: unknown): unknown => (Array.isArray(v) ? v.map(shape) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape((v as Record<string, unknown>)[k])])) : typeof v);
    expect(shape(sample)).toEqual(shape(fixture));
    expect(renderMinutesMarkdown(sample, ja)).toContain('## 出席者（計 4 名）');
    expect(docxText(readZipEntry(await renderMinutesDocx(sample, ja), 'word/document.xml'))).toContain('第3回 北秋田市 地域ビジョン ワークショップ 議事録（案）');
    expect(pdfText(await renderMinutesPdf(sample, en))).toContain('Dissenting views');
    expect(renderMinutesMarkdown(sample, ja)).toContain('## 分野横断の分析');
  });
});
