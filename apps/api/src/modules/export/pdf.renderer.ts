import { readFileSync } from 'node:fs';
import type { Content, ContentTable, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { MinutesDocument } from '../minutes/minutes-document';
import { L } from './export-labels';
import { outlineMinutes, type Block, type ListItem, type RenderContext } from './minutes-outline';
import { installInlineRunMerging } from './pdf-inline-runs';
import { installMeasureInlines } from './pdf-style-lookups';

// pdfmake's server build is CommonJS and exports one configured instance.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfmake = require('pdfmake') as PdfMake;

interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

const FONT = 'NotoSansJP';
/** Monochrome Noto Emoji: Noto Sans JP has no emoji, which would otherwise print as empty boxes. */
const EMOJI_FONT = 'NotoEmoji';
// The font files are resolved directly: the packages' index.js are Expo (React Native) modules.
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  emoji: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
} as const;
const A4_WIDTH = 595.28;
const MARGIN = 48;
const CONTENT_WIDTH = A4_WIDTH - 2 * MARGIN;
const MUTED = '#555555';
const ACCENT = '#1F3A5F';

let configured = false;

/**
 * Registers Noto Sans JP once per process. The fonts live in pdfmake's in-memory file system, and
 * URL and local-file access are denied: a minutes document can never make the server fetch or
 * read anything (an image URL in user text is just text anyway).
 */
function configure(): void {
  if (configured) return;
  pdfmake.virtualfs.writeFileSync('NotoSansJP-Regular.ttf', readFileSync(require.resolve(FONT_FILES.regular)));
  pdfmake.virtualfs.writeFileSync('NotoSansJP-Bold.ttf', readFileSync(require.resolve(FONT_FILES.bold)));
  pdfmake.virtualfs.writeFileSync('NotoEmoji-Regular.ttf', readFileSync(require.resolve(FONT_FILES.emoji)));
  pdfmake.setFonts({
    [FONT]: { normal: 'NotoSansJP-Regular.ttf', bold: 'NotoSansJP-Bold.ttf', italics: 'NotoSansJP-Regular.ttf', bolditalics: 'NotoSansJP-Bold.ttf' },
    // One weight only: a bold emoji run falls back to the regular outlines, which is how emoji look anyway.
    [EMOJI_FONT]: { normal: 'NotoEmoji-Regular.ttf', bold: 'NotoEmoji-Regular.ttf', italics: 'NotoEmoji-Regular.ttf', bolditalics: 'NotoEmoji-Regular.ttf' },
  });
  installInlineRunMerging();
  installMeasureInlines();
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

/**
 * One emoji as the reader sees it: a flag (two regional indicators), a keycap (1️⃣), or a pictograph
 * with what belongs to it — variation selector, skin tone, tag characters and ZWJ-joined pictographs
 * (👨‍👩‍👧) — so that the emoji font's ligatures see the whole sequence.
 */
const EMOJI = /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})*)*/gu;

type Inline = string | { text: string; font: string };

/** Text as runs: emoji in Noto Emoji, everything else in the document font. Plain text stays a string. */
export function emojiRuns(text: string): string | Inline[] {
  const runs: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(EMOJI)) {
    const at = m.index ?? 0;
    if (at > last) runs.push(text.slice(last, at));
    runs.push({ text: m[0], font: EMOJI_FONT });
    last = at + m[0].length;
  }
  if (!runs.length) return text;
  if (last < text.length) runs.push(text.slice(last));
  return runs;
}

/** Table column widths in points from relative weights, leaving room for padding and rules. */
function widthsOf(weights: number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const usable = CONTENT_WIDTH - weights.length * 8 - (weights.length + 1);
  return weights.map((w) => Math.floor((usable * w) / sum));
}

const GRID_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#999999',
  vLineColor: () => '#999999',
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function table(b: Extract<Block, { kind: 'table' }>): ContentTable {
  const last = b.rows.length - 1;
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: widthsOf(b.widths ?? b.header.map(() => 1)),
      body: [
        b.header.map((h) => ({ text: emojiRuns(h), bold: true, fillColor: '#E8EEF4' })),
        ...b.rows.map((r, i) => r.map((c, j) => ({ text: emojiRuns(c), alignment: b.numeric?.[j] ? ('right' as const) : ('left' as const), bold: !!b.totalRow && i === last }))),
      ],
    },
    layout: GRID_LAYOUT,
    fontSize: 8.5,
    margin: [0, 2, 0, 8],
  };
}

function listItem(item: ListItem): Content {
  const line: Content = { text: [...(item.lead ? [{ text: emojiRuns(item.text ? `${item.lead}: ` : item.lead), bold: true }] : []), { text: emojiRuns(item.text) }] };
  if (!item.sub?.length) return line;
  return { stack: [line, { ul: item.sub.map(listItem), margin: [0, 2, 0, 2] }] };
}

/** Room a heading keeps below itself for what it introduces: about three lines of body text. */
const KEEP_WITH_NEXT = 40;

/**
 * A heading never ends a page. The heading and an empty band of KEEP_WITH_NEXT points below it form
 * one unbreakable block, so when they do not both fit, the heading moves to the next page; a negative
 * bottom margin then gives the band back, and what follows starts right under the heading.
 *
 * This is decided in pdfmake's single layout pass. (A `pageBreakBefore` callback did the same job,
 * but pdfmake answers every page break it asks for by laying out the whole document again: 30
 * layouts of a 424-page document, 90 s; see docs/exports.md.)
 */
function keepWithNext(heading: ContentText & { margin: [number, number, number, number] }): Content {
  const [left, top, right, bottom] = heading.margin;
  return { stack: [{ ...heading, margin: [left, top, right, bottom + KEEP_WITH_NEXT] }], unbreakable: true, margin: [0, 0, 0, -KEEP_WITH_NEXT] };
}

function blockToPdf(b: Block): Content {
  switch (b.kind) {
    case 'title':
      return { text: emojiRuns(b.text), fontSize: 17, bold: true, color: ACCENT, alignment: 'center', margin: [0, 0, 0, 10] };
    case 'banner':
      return {
        table: { widths: ['*'], body: [[{ text: emojiRuns(b.text), bold: true, color: '#B00020', alignment: 'center' }]] },
        layout: { hLineColor: () => '#B00020', vLineColor: () => '#B00020', hLineWidth: () => 1, vLineWidth: () => 1 },
        margin: [0, 0, 0, 10],
      };
    case 'heading':
      return keepWithNext({ text: emojiRuns(b.text), bold: true, color: b.level === 4 ? '#333333' : ACCENT, fontSize: { 2: 13, 3: 11.5, 4: 10.5 }[b.level], margin: [0, b.level === 2 ? 12 : 8, 0, 4] });
    case 'fields':
      return {
        table: { widths: widthsOf([1, 3]), body: b.rows.map(([k, v]) => [{ text: emojiRuns(k), bold: true, fillColor: '#E8EEF4' }, { text: emojiRuns(v) }]) },
        layout: GRID_LAYOUT,
        fontSize: 9,
        margin: [0, 2, 0, 8],
      };
    case 'text':
      return { text: emojiRuns(b.text), margin: [0, 0, 0, 6], ...(b.muted ? { color: MUTED, fontSize: 9 } : {}) };
    case 'list':
      return { ul: b.items.map(listItem), margin: [0, 0, 0, 6] };
    case 'table':
      return table(b);
  }
}

/** minutes.pdf: A4, Noto Sans JP (and Noto Emoji for emoji) embedded, text extracts and copies; tables, running header, page numbers. */
export async function renderMinutesPdf(doc: MinutesDocument, ctx: RenderContext): Promise<Buffer> {
  configure();
  const { lang } = ctx;
  const draft = doc.status !== 'FINAL';
  const title = `${doc.meeting.title} ${L.minutes[lang]}${draft ? L.draftSuffix[lang] : ''}`;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [MARGIN, 56, MARGIN, 56],
    info: {
      title,
      author: doc.process.title,
      subject: draft ? L.draftStatus[lang] : `${L.finalStatus[lang]} sha256:${ctx.contentHash ?? ''}`,
      creator: 'Yoriai (寄合)',
      producer: 'Yoriai (寄合) / pdfmake',
    },
    ...(draft ? { watermark: { text: lang === 'ja' ? '案' : 'DRAFT', color: '#B00020', opacity: 0.07, bold: true } } : {}),
    header: () => ({ text: emojiRuns(`${doc.process.title}\u3000${title}`), alignment: 'right', fontSize: 7.5, color: MUTED, margin: [MARGIN, 24, MARGIN, 0] }),
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: ctx.contentHash ? `sha256:${ctx.contentHash}` : draft ? L.draftStatus[lang] : '', fontSize: 6.5, color: MUTED },
        { text: L.page(currentPage, pageCount)[lang], alignment: 'right', fontSize: 8, color: MUTED, width: 90 },
      ],
      margin: [MARGIN, 20, MARGIN, 0],
    }),
    defaultStyle: { font: FONT, fontSize: 10, lineHeight: 1.3 },
    content: outlineMinutes(doc, ctx).map(blockToPdf),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
