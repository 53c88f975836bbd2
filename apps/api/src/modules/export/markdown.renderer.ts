import type { MinutesDocument } from '../minutes/minutes-document';
import { outlineMinutes, type Block, type ListItem, type RenderContext } from './minutes-outline';

/**
 * Escapes one line of plain text so that no Markdown or HTML construct can start from it: the
 * characters that open inline markup anywhere (emphasis, code, links, images, raw HTML, entities,
 * tables, strikethrough, headings) are backslash-escaped, which CommonMark defines for every ASCII
 * punctuation character; block markers that only matter at the start of a line (lists, setext
 * underlines, ordered-list numbers) are escaped there; and leading indentation becomes no-break
 * spaces, so four spaces can never turn a comment into a code block.
 */
export function escapeMarkdownLine(line: string): string {
  let s = line.replace(/[\\`*_[\]<>&|~#]/g, '\\$&');
  s = s.replace(/^[ \t]+/, (m) => '\u00a0'.repeat(m.replace(/\t/g, '    ').length));
  s = s.replace(/^(\u00a0*)([-+=])/, '$1\\$2');
  s = s.replace(/^(\u00a0*\d{1,9})([.)])/, '$1\\$2');
  return s;
}

/** A single-line value (heading, table cell, label): line breaks become spaces, then escaped. */
export function escapeMarkdownInline(text: string): string {
  return escapeMarkdownLine(text.replace(/\r\n?|\n/g, ' ').trim());
}

/** Multi-line text: each line escaped; continuation lines indented so they stay inside a list item. */
function escapeMarkdownBlock(text: string, indent = ''): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => {
      const escaped = escapeMarkdownLine(line);
      if (i === 0) return escaped;
      return escaped ? indent + escaped : '';
    })
    .join('\n');
}

function listItem(item: ListItem, depth: number): string {
  const pad = '  '.repeat(depth);
  const lead = item.lead ? `**${escapeMarkdownInline(item.lead)}**` : '';
  const body = item.text ? escapeMarkdownBlock(item.text, `${pad}  `) : '';
  const line = `${pad}- ${[lead && (body ? `${lead}:` : lead), body].filter(Boolean).join(' ')}`;
  return [line, ...(item.sub ?? []).map((s) => listItem(s, depth + 1))].join('\n');
}

function table(b: Extract<Block, { kind: 'table' }>): string {
  const row = (cells: string[], bold = false) =>
    `| ${cells
      .map((c) => {
        const e = escapeMarkdownInline(c);
        return e ? (bold ? `**${e}**` : e) : ' ';
      })
      .join(' | ')} |`;
  const rule = `| ${b.header.map((_, i) => (b.numeric?.[i] ? '---:' : '---')).join(' | ')} |`;
  const rows = b.rows.map((r, i) => row(r, !!b.totalRow && i === b.rows.length - 1));
  return [row(b.header), rule, ...rows].join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${escapeMarkdownInline(b.text)}`;
    case 'banner':
      return `> **${escapeMarkdownInline(b.text)}**`;
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdownInline(b.text)}`;
    case 'fields':
      return b.rows.map(([k, v]) => `- **${escapeMarkdownInline(k)}**: ${escapeMarkdownInline(v)}`).join('\n');
    case 'text':
      return escapeMarkdownBlock(b.text);
    case 'list':
      return b.items.map((i) => listItem(i, 0)).join('\n');
    case 'table':
      return table(b);
  }
}

/** minutes.md: CommonMark + GFM tables; user text is always literal, never markup. */
export function renderMinutesMarkdown(doc: MinutesDocument, ctx: RenderContext): string {
  return outlineMinutes(doc, ctx).map(block).join('\n\n') + '\n';
}
