import { readFileSync } from 'node:fs';
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { MinutesDocument } from '../minutes/minutes-document';
import { L } from './export-labels';
import { outlineMinutes, type Block, type ListItem, type RenderContext } from './minutes-outline';

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
// The font files are resolved directly: the package's index.js is an Expo (React Native) module.
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
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
  pdfmake.setFonts({ [FONT]: { normal: 'NotoSansJP-Regular.ttf', bold: 'NotoSansJP-Bold.ttf', italics: 'NotoSansJP-Regular.ttf', bolditalics: 'NotoSansJP-Bold.ttf' } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
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
        b.header.map((h) => ({ text: h, bold: true, fillColor: '#E8EEF4' })),
        ...b.rows.map((r, i) => r.map((c, j) => ({ text: c, alignment: b.numeric?.[j] ? ('right' as const) : ('left' as const), bold: !!b.totalRow && i === last }))),
      ],
    },
    layout: GRID_LAYOUT,
    fontSize: 8.5,
    margin: [0, 2, 0, 8],
  };
}

function listItem(item: ListItem): Content {
  const line: Content = { text: [...(item.lead ? [{ text: item.text ? `${item.lead}: ` : item.lead, bold: true }] : []), item.text] };
  if (!item.sub?.length) return line;
  return { stack: [line, { ul: item.sub.map(listItem), margin: [0, 2, 0, 2] }] };
}

function blockToPdf(b: Block): Content {
  switch (b.kind) {
    case 'title':
      return { text: b.text, fontSize: 17, bold: true, color: ACCENT, alignment: 'center', margin: [0, 0, 0, 10] };
    case 'banner':
      return {
        table: { widths: ['*'], body: [[{ text: b.text, bold: true, color: '#B00020', alignment: 'center' }]] },
        layout: { hLineColor: () => '#B00020', vLineColor: () => '#B00020', hLineWidth: () => 1, vLineWidth: () => 1 },
        margin: [0, 0, 0, 10],
      };
    case 'heading':
      return { text: b.text, bold: true, color: b.level === 4 ? '#333333' : ACCENT, fontSize: { 2: 13, 3: 11.5, 4: 10.5 }[b.level], margin: [0, b.level === 2 ? 12 : 8, 0, 4], headlineLevel: b.level };
    case 'fields':
      return {
        table: { widths: widthsOf([1, 3]), body: b.rows.map(([k, v]) => [{ text: k, bold: true, fillColor: '#E8EEF4' }, { text: v }]) },
        layout: GRID_LAYOUT,
        fontSize: 9,
        margin: [0, 2, 0, 8],
      };
    case 'text':
      return { text: b.text, margin: [0, 0, 0, 6], ...(b.muted ? { color: MUTED, fontSize: 9 } : {}) };
    case 'list':
      return { ul: b.items.map(listItem), margin: [0, 0, 0, 6] };
    case 'table':
      return table(b);
  }
}

/** minutes.pdf: A4, Noto Sans JP embedded (text extracts and copies), tables, running header, page numbers. */
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
    header: () => ({ text: `${doc.process.title}\u3000${title}`, alignment: 'right', fontSize: 7.5, color: MUTED, margin: [MARGIN, 24, MARGIN, 0] }),
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: ctx.contentHash ? `sha256:${ctx.contentHash}` : draft ? L.draftStatus[lang] : '', fontSize: 6.5, color: MUTED },
        { text: L.page(currentPage, pageCount)[lang], alignment: 'right', fontSize: 8, color: MUTED, width: 90 },
      ],
      margin: [MARGIN, 20, MARGIN, 0],
    }),
    defaultStyle: { font: FONT, fontSize: 10, lineHeight: 1.3 },
    // A heading never ends a page: in the last eighth of a page it moves on with what it introduces.
    pageBreakBefore: (node, nodes) => {
      if (node.headlineLevel === undefined) return false;
      const ratio = (node.startPosition as { verticalRatio?: number } | undefined)?.verticalRatio ?? 0;
      return ratio > 0.875 || nodes.getFollowingNodesOnPage().length === 0;
    },
    content: outlineMinutes(doc, ctx).map(blockToPdf),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
