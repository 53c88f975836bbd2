/**
 * pdfmake lays text out word by word, and Japanese has a break opportunity between every two
 * characters, so each character becomes one inline of its line — and pdfmake's renderer writes
 * every inline as its own text operation (its source says: "TODO: lines without differently
 * styled inlines should be written to pdf as one stream"). On the 424-page minutes that is
 * 450,000 text operations for 28,000 runs of text, most of the render time and twice the file.
 *
 * Here, once a line is laid out, neighbouring inlines that print exactly alike (same font object,
 * size, colour, opacity; no spacing, link, decoration, background or super/subscript) and touch
 * each other are joined into one run. Positions come from the layout that is already done, so line
 * breaks and widths do not change; glyphs are the same, each run still names its own font, so an
 * emoji run (Noto Emoji) is never joined to the Noto Sans JP text around it.
 */

/** The part of pdfmake's laid-out inline that decides how it prints. */
export interface LaidOutInline {
  text: string;
  x: number;
  width: number;
  font?: unknown;
  fontSize?: number;
  color?: unknown;
  opacity?: number;
  characterSpacing?: number;
  fontFeatures?: unknown;
  link?: unknown;
  linkToPage?: unknown;
  linkToDestination?: unknown;
  decoration?: unknown;
  background?: unknown;
  sup?: boolean;
  sub?: boolean;
  _pageNodeRef?: unknown;
}

const plain = (i: LaidOutInline) =>
  !i.characterSpacing && !i.fontFeatures && !i.link && !i.linkToPage && !i.linkToDestination && !i.decoration && !i.background && !i.sup && !i.sub && !i._pageNodeRef;

function printsLike(a: LaidOutInline, b: LaidOutInline): boolean {
  return a.font === b.font && a.fontSize === b.fontSize && a.color === b.color && (a.opacity ?? 1) === (b.opacity ?? 1) && plain(a) && plain(b) && Math.abs(a.x + a.width - b.x) < 0.01;
}

/** Joins neighbouring inlines of one laid-out line that print alike; the others are kept as they are. */
export function mergeInlineRuns<T extends LaidOutInline>(inlines: readonly T[]): T[] {
  const out: T[] = [];
  // Whether the last run is a copy made here, which may grow in place: one copy per joined run,
  // not one per character (a copy of pdfmake's ~35-property inline per character was 1 s of 6).
  let ownRun = false;
  for (const inline of inlines) {
    const prev = out[out.length - 1];
    if (prev && printsLike(prev, inline)) {
      const run = ownRun ? prev : { ...prev };
      run.text += inline.text;
      run.width += inline.width;
      out[out.length - 1] = run;
      ownRun = true;
    } else {
      out.push(inline);
      ownRun = false;
    }
  }
  return out;
}

interface PdfmakeRenderer {
  prototype: { renderLine(this: unknown, line: { inlines: LaidOutInline[] }, x: number, y: number): void };
}

let installed = false;

/**
 * Makes pdfmake's renderer print joined runs (once per process). When pdfmake's internals are not
 * as expected (another version), nothing is changed: the output is the same, only slower.
 */
export function installInlineRunMerging(): void {
  if (installed) return;
  installed = true;
  let Renderer: PdfmakeRenderer | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Renderer = (require('pdfmake/js/Renderer') as { default?: PdfmakeRenderer }).default;
  } catch {
    return;
  }
  const renderLine = Renderer?.prototype?.renderLine;
  if (!Renderer || typeof renderLine !== 'function') return;
  Renderer.prototype.renderLine = function (line, x, y) {
    if (Array.isArray(line?.inlines)) line.inlines = mergeInlineRuns(line.inlines);
    return renderLine.call(this, line, x, y);
  };
}
