import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { MinutesDocument } from '../minutes/minutes-document';
import { L } from './export-labels';
import { outlineMinutes, type Block, type ListItem, type RenderContext } from './minutes-outline';

/**
 * A DOCX carries no fonts, so every run and style names a Japanese font explicitly: Yu Gothic
 * (游ゴシック) ships with Windows and Office for Mac. Where it is missing, Word and LibreOffice
 * substitute another Japanese font because the East Asian slot and language are set (ja-JP).
 */
export const DOCX_FONT = { ascii: 'Yu Gothic', hAnsi: 'Yu Gothic', eastAsia: '游ゴシック', cs: 'Yu Gothic' } as const;
const LANGUAGE = { value: 'ja-JP', eastAsia: 'ja-JP' } as const;
const BODY_SIZE = 21; // half-points: 10.5 pt, the usual size of Japanese official documents
const MUTED = '555555';
/** A4 portrait, 20 mm margins (twips). */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const GRID = { style: BorderStyle.SINGLE, size: 4, color: '999999' } as const;

/** Runs for plain text: line breaks become Word breaks; the text is XML-escaped by docx, never interpreted. */
function runs(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => new TextRun({ ...options, text: line, break: i > 0 ? 1 : undefined, font: DOCX_FONT, language: LANGUAGE }));
}

function cell(text: string, opts: { bold?: boolean; header?: boolean; right?: boolean; width: number }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    shading: opts.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF4' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [new Paragraph({ alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: runs(text, { bold: opts.bold || opts.header, size: 19 }) })],
  });
}

function table(b: Extract<Block, { kind: 'table' }>): Table {
  const weights = b.widths ?? b.header.map(() => 1);
  const sum = weights.reduce((a, w) => a + w, 0);
  const widths = weights.map((w) => Math.floor((CONTENT_WIDTH * w) / sum));
  const row = (cells: string[], header = false, bold = false) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c, i) => cell(c, { header, bold, right: !header && !!b.numeric?.[i], width: widths[i] as number })),
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: GRID, bottom: GRID, left: GRID, right: GRID, insideHorizontal: GRID, insideVertical: GRID },
    rows: [row(b.header, true), ...b.rows.map((r, i) => row(r, false, !!b.totalRow && i === b.rows.length - 1))],
  });
}

function fields(rows: Array<[string, string]>): Table {
  const widths = [Math.floor(CONTENT_WIDTH * 0.26), CONTENT_WIDTH - Math.floor(CONTENT_WIDTH * 0.26)];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: GRID, bottom: GRID, left: GRID, right: GRID, insideHorizontal: GRID, insideVertical: GRID },
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          cantSplit: true,
          children: [cell(k, { header: true, width: widths[0] as number }), cell(v, { width: widths[1] as number })],
        }),
    ),
  });
}

function listItems(items: ListItem[], level: number): Paragraph[] {
  return items.flatMap((item) => [
    new Paragraph({
      bullet: { level },
      spacing: { after: 60 },
      children: [
        ...(item.lead ? [new TextRun({ text: item.text ? `${item.lead}: ` : item.lead, bold: true, font: DOCX_FONT, language: LANGUAGE })] : []),
        ...(item.text ? runs(item.text) : []),
      ],
    }),
    ...listItems(item.sub ?? [], level + 1),
  ]);
}

const HEADINGS = { 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2, 4: HeadingLevel.HEADING_3 } as const;

function blockToDocx(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: runs(b.text) })];
    case 'banner':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          border: { top: { style: BorderStyle.SINGLE, size: 8, color: 'B00020' }, bottom: { style: BorderStyle.SINGLE, size: 8, color: 'B00020' } },
          spacing: { after: 200 },
          children: runs(b.text, { bold: true, color: 'B00020' }),
        }),
      ];
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], children: runs(b.text) })];
    case 'fields':
      return [fields(b.rows), new Paragraph({ children: [] })];
    case 'text':
      return [new Paragraph({ spacing: { after: 120 }, children: runs(b.text, b.muted ? { color: MUTED, size: 19 } : {}) })];
    case 'list':
      return listItems(b.items, 0);
    case 'table':
      return [table(b), new Paragraph({ children: [] })];
  }
}

/** minutes.docx: real Word structure (title, headings, tables, bullets, page numbers), Japanese fonts on every run and style. */
export async function renderMinutesDocx(doc: MinutesDocument, ctx: RenderContext): Promise<Buffer> {
  const blocks = outlineMinutes(doc, ctx);
  const draft = doc.status !== 'FINAL';
  const headerText = `${doc.process.title}\u3000${doc.meeting.title}${draft ? L.draftSuffix[ctx.lang] : ''}`;
  const styleRun = { font: DOCX_FONT, language: LANGUAGE };
  const document = new Document({
    creator: 'Yoriai (寄合)',
    title: `${doc.meeting.title} ${L.minutes[ctx.lang]}`,
    description: draft ? L.draftStatus[ctx.lang] : `${L.finalStatus[ctx.lang]} sha256:${ctx.contentHash ?? ''}`,
    theme: { fonts: { headings: { latin: DOCX_FONT.ascii, eastAsia: DOCX_FONT.eastAsia, scripts: { Jpan: DOCX_FONT.eastAsia } }, body: { latin: DOCX_FONT.ascii, eastAsia: DOCX_FONT.eastAsia, scripts: { Jpan: DOCX_FONT.eastAsia } } } },
    styles: {
      default: {
        document: { run: { ...styleRun, size: BODY_SIZE }, paragraph: { spacing: { line: 300 } } },
        title: { run: { ...styleRun, size: 34, bold: true, color: '1F3A5F' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { ...styleRun, size: 28, bold: true, color: '1F3A5F' }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { ...styleRun, size: 24, bold: true, color: '1F3A5F' }, paragraph: { spacing: { before: 240, after: 100 } } },
        heading3: { run: { ...styleRun, size: 22, bold: true, color: '333333' }, paragraph: { spacing: { before: 200, after: 80 } } },
        listParagraph: { run: { ...styleRun } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(headerText, { size: 16, color: MUTED }) })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: 16, color: MUTED }),
                  new TextRun({ text: ' / ', font: DOCX_FONT, size: 16, color: MUTED }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], font: DOCX_FONT, size: 16, color: MUTED }),
                  ...(ctx.contentHash ? [new TextRun({ text: `    sha256:${ctx.contentHash}`, font: DOCX_FONT, size: 14, color: MUTED })] : []),
                ],
              }),
            ],
          }),
        },
        children: blocks.flatMap(blockToDocx),
      },
    ],
  });
  return Packer.toBuffer(document);
}
