import MarkdownIt from 'markdown-it';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MinutesDocument } from '../../src/modules/minutes/minutes-document';
import { renderMinutesDocx } from '../../src/modules/export/docx.renderer';
import { escapeMarkdownLine, renderMinutesMarkdown } from '../../src/modules/export/markdown.renderer';
import type { RenderContext } from '../../src/modules/export/minutes-outline';
import { renderMinutesPdf } from '../../src/modules/export/pdf.renderer';
import { docxText, pdfInfo, pdfText, readZipEntry } from '../support/export-files';
import { HOSTILE, minutesFixture } from './minutes-fixture';

const ja: RenderContext = { lang: 'ja', contentHash: null, exportedAt: new Date('2026-11-23T09:00:00Z') };
const en: RenderContext = { ...ja, lang: 'en' };
const FINAL_HASH = 'c'.repeat(64);

/** The most permissive Markdown renderer there is: raw HTML on, bare links on. */
const markdownToHtml = (md: string) => new MarkdownIt({ html: true, linkify: true }).render(md);

describe('minutes renderers (hand-built document)', () => {
  describe('Markdown', () => {
    it('prints the sections in order with Japanese labels and marks a draft 「案」', () => {
      const md = renderMinutesMarkdown(minutesFixture(), ja);
      expect(md.startsWith('# 第3回 北秋田市 地域ビジョン ワークショップ 議事録（案）\n')).toBe(true);
      const order = ['**日時**: 2026年11月23日(月) 14:00–16:30', '**場所**', '**主催**', '**ファシリテーター**', '## 出席者（計 4 名）', '## 議題', '## 議事概要', '## 議題 1:', '### 提案:', '#### 意見', '#### 採決（記録番号 1）', '#### 少数意見', '## 決定事項', '## 今後の対応', '## 記録と検証'];
      const positions = order.map((s) => md.indexOf(s));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(md).toContain('| 産業界 | 2 | 山田 太郎（北秋田商工会）、ゲスト 次郎（鷹巣観光協会・ゲスト） |');
      expect(md).toContain('| **合計** | **3** | **1** | **0** | **0** | **4** |');
      expect(md).toContain(`**記録ハッシュ**: ${'b'.repeat(64)}`);
      expect(md).toContain('モデレーターが非表示にしたコメント 2 件は掲載していません。');
      expect(md).toContain('案（未確定）');
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
      expect(html.match(/<table>/g)?.length).toBe(5);
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
      for (const s of ['**Date and time**: Mon 23 Nov 2026, 14:00–16:30 JST', '## Attendance (4 people)', '## Agenda', '#### Dissenting views', '| Industry | 2 |', '## Next steps', 'Cross-sector consensus (threshold 60%, min. sectors 2)', 'All 2 sectors reached 60% agree']) {
        expect(md).toContain(s);
      }
      expect(md).toContain('Pillar: Creating a local living environment');
      expect(md).toContain('雇用が生まれます🌾');
      expect(md).not.toMatch(/出席者|少数意見|議事概要/);
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
      // Tables: header fields, attendance, proposal fields, KPIs, vote fields, tally, decisions, next steps, verification.
      expect(xml.match(/<w:tbl>/g)?.length).toBe(9);
      const tally = xml.split('<w:tbl>').find((t) => t.includes('>ブロック<') && t.includes('>合計<')) ?? '';
      expect(docxText(tally)).toMatch(/分野\n賛成\n反対\n棄権\nブロック\n計\n産業界\n2\n0\n0\n0\n2\n労働団体\n1\n1\n0\n0\n2\n合計\n3\n1\n0\n0\n4/);
      expect(text).toMatch(/産業界\n2\n山田 太郎（北秋田商工会）、ゲスト 次郎（鷹巣観光協会・ゲスト）/);
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
    });

    it('prints hostile text literally and uses English labels with lang=en', async () => {
      const text = pdfText(await renderMinutesPdf(minutesFixture(), en));
      expect(text).toContain(HOSTILE.script);
      expect(text).toContain(HOSTILE.link);
      expect(text).toContain('Minutes (DRAFT)');
      expect(text).toContain('Dissenting views');
      expect(text).toContain('Page 1 of');
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
  });
});
