/**
 * pdfmake measures text inline by inline, and Japanese has a break opportunity between every two
 * characters, so every character is an inline (see pdf-inline-runs.ts). pdfmake's TextInlines.measure
 * asks its style stack for 22 properties of each inline (font, bold, fontSize, colour, lineHeight, …);
 * each question pushes the inline onto the stack, walks the stack from the top and pops it again. On
 * the 425-page minutes that is some thirteen million walks, about half of the layout time (profiled
 * 2026-12-07).
 *
 * While one text node is measured the stack does not change (pdfmake pushes and pops around the
 * whole node), so what the stack answers for a property is the same for all of the node's inlines:
 * it is asked once per node. An inline with no style of its own (most of them: the characters of a
 * plain string) then takes the node's resolved style as a whole; an inline with its own properties
 * (a bold lead, an emoji run in its own font) resolves each property as pdfmake does, its own value
 * first. The result is pdfmake's, property for property (renderers.spec.ts compares the two).
 */

interface FontLike {
  lineHeight(fontSize: number): number;
  widthOfString(text: string, fontSize: number, features: unknown): number;
}

/** pdfmake's inline as measure() receives it from its TextBreaker, and completes it. */
type Inline = Record<string, unknown> & { text: string };

interface StyleStack {
  getProperty(property: string): unknown;
}

interface TextInlines {
  pdfDocument: { provideFont(name: unknown, bold: unknown, italics: unknown): FontLike };
  widthOfText(text: string, inline: Inline): number;
}

type Measure = (this: TextInlines, array: Inline[], stack: StyleStack | null | undefined) => Inline[];
type GetStyleProperty = (item: Inline, stack: StyleStack, property: string, defaultValue: unknown) => unknown;

const isValue = (v: unknown) => v !== undefined && v !== null;
// As pdfmake's TextInlines.
const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

/** Keys the TextBreaker and measure() itself put on an inline that are not style properties. */
const NOT_STYLE = new Set(['text', 'lineEnd', 'noNewLine', 'leadingCut', 'leadingIndent']);

function hasOwnStyle(item: Inline): boolean {
  for (const key in item) if (!NOT_STYLE.has(key)) return true;
  return false;
}

/** Whether two inlines have the same own style (the characters of one bold lead, one emoji run). */
function sameOwnStyle(a: Inline, b: Inline): boolean {
  if (a.style !== undefined || b.style !== undefined) return false;
  for (const key in a) if (!NOT_STYLE.has(key) && a[key] !== b[key]) return false;
  for (const key in b) if (!NOT_STYLE.has(key) && !(key in a)) return false;
  return true;
}

/**
 * Widths of strings without font features, per font and size. pdfkit keeps each word's shaping,
 * but reaching it costs a scan and a slice per call, and Japanese asks for the same few thousand
 * characters hundreds of thousands of times (a tenth of the render). A font object lives as long
 * as its document, and so do its widths.
 */
const widths = new WeakMap<FontLike, Map<number, Map<string, number>>>();

function widthOfString(font: FontLike, text: string, fontSize: number): number {
  let bySize = widths.get(font);
  if (!bySize) widths.set(font, (bySize = new Map()));
  let byText = bySize.get(fontSize);
  if (!byText) bySize.set(fontSize, (byText = new Map()));
  let width = byText.get(text);
  if (width === undefined) byText.set(text, (width = font.widthOfString(text, fontSize, null)));
  return width;
}

/** Every style property measure() reads, resolved for one inline. */
function resolveStyle(doc: TextInlines['pdfDocument'], get: (p: string, d: unknown) => unknown) {
  return {
    font: doc.provideFont(get('font', 'Roboto'), get('bold', false), get('italics', false)),
    alignment: get('alignment', 'left'),
    fontSize: get('fontSize', 12) as number,
    fontFeatures: get('fontFeatures', null),
    characterSpacing: get('characterSpacing', 0),
    color: get('color', 'black'),
    decoration: get('decoration', null),
    decorationColor: get('decorationColor', null),
    decorationStyle: get('decorationStyle', null),
    decorationThickness: get('decorationThickness', null),
    background: get('background', null),
    link: get('link', null),
    linkToPage: get('linkToPage', null),
    linkToDestination: get('linkToDestination', null),
    noWrap: get('noWrap', null),
    opacity: get('opacity', 1),
    sup: get('sup', false),
    sub: get('sub', false),
    lineHeight: get('lineHeight', 1) as number,
    preserveLeadingSpaces: get('preserveLeadingSpaces', false),
    preserveTrailingSpaces: get('preserveTrailingSpaces', false),
  };
}

/**
 * pdfmake 0.3's TextInlines.measure with the stack's answers asked once per call. `getStyleProperty`
 * is pdfmake's own lookup, used for inlines that name styles of the style dictionary (Yoriai uses none).
 */
export function measureInlines(this: TextInlines, array: Inline[], stack: StyleStack, getStyleProperty: GetStyleProperty): Inline[] {
  const fromStack = new Map<string, unknown>();
  const lookup = (item: Inline, property: string, defaultValue: unknown): unknown => {
    if (item.style !== undefined) return getStyleProperty(item, stack, property, defaultValue);
    const own = item[property];
    if (isValue(own)) return own;
    let value = fromStack.get(property);
    if (value === undefined && !fromStack.has(property)) {
      value = stack.getProperty(property);
      fromStack.set(property, value);
    }
    return isValue(value) ? value : defaultValue;
  };
  const first = array[0];
  if (first) {
    const leadingIndent = lookup(first, 'leadingIndent', 0) as number;
    if (leadingIndent) {
      first.leadingCut = -leadingIndent;
      first.leadingIndent = leadingIndent;
    }
  }
  let plain: ReturnType<typeof resolveStyle> | null = null;
  // The last inline with a style of its own, and that style: its neighbours are usually alike.
  let styled: { item: Inline; style: ReturnType<typeof resolveStyle> } | null = null;
  for (const item of array) {
    let style: ReturnType<typeof resolveStyle>;
    if (!hasOwnStyle(item)) {
      style = plain ??= resolveStyle(this.pdfDocument, (p, d) => lookup({ text: '' }, p, d));
    } else {
      if (!styled || !sameOwnStyle(styled.item, item)) styled = { item, style: resolveStyle(this.pdfDocument, (p, d) => lookup(item, p, d)) };
      style = styled.style;
    }
    item.font = style.font;
    item.alignment = style.alignment;
    item.fontSize = style.fontSize;
    item.fontFeatures = style.fontFeatures;
    item.characterSpacing = style.characterSpacing;
    item.color = style.color;
    item.decoration = style.decoration;
    item.decorationColor = style.decorationColor;
    item.decorationStyle = style.decorationStyle;
    item.decorationThickness = style.decorationThickness;
    item.background = style.background;
    item.link = style.link;
    item.linkToPage = style.linkToPage;
    item.linkToDestination = style.linkToDestination;
    item.noWrap = style.noWrap;
    item.opacity = style.opacity;
    item.sup = style.sup;
    item.sub = style.sub;
    if (style.sup || style.sub) item.fontSize = style.fontSize * 0.58;
    // pdfmake's widthOfText, with the string's width remembered when no font features apply.
    item.width = isValue(style.fontFeatures) ? this.widthOfText(item.text, item) : widthOfString(style.font, item.text, item.fontSize as number) + ((style.characterSpacing as number) || 0) * (item.text.length - 1);
    item.height = style.font.lineHeight(item.fontSize as number) * style.lineHeight;
    if (!item.leadingCut) item.leadingCut = 0;
    if (!style.preserveLeadingSpaces) {
      const leadingSpaces = item.text.match(LEADING);
      if (leadingSpaces) item.leadingCut = (item.leadingCut as number) + this.widthOfText(leadingSpaces[0] as string, item);
    }
    item.trailingCut = 0;
    if (!style.preserveTrailingSpaces) {
      const trailingSpaces = item.text.match(TRAILING);
      if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0] as string, item);
    }
  }
  return array;
}

let installed = false;

/**
 * Makes pdfmake measure with measureInlines (once per process). Only pdfmake 0.3, whose measure()
 * it follows; with another version, or internals not as expected, nothing is changed: the output
 * is the same, only slower.
 */
export function installMeasureInlines(): void {
  if (installed) return;
  installed = true;
  let TextInlinesClass: { prototype: { measure: Measure } } | undefined;
  let getStyleProperty: GetStyleProperty | undefined;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    if (!(require('pdfmake/package.json') as { version: string }).version.startsWith('0.3.')) return;
    TextInlinesClass = (require('pdfmake/js/TextInlines') as { default?: { prototype: { measure: Measure } } }).default;
    getStyleProperty = (require('pdfmake/js/StyleContextStack') as { default?: { getStyleProperty?: GetStyleProperty } }).default?.getStyleProperty;
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch {
    return;
  }
  const measure = TextInlinesClass?.prototype?.measure;
  if (!TextInlinesClass || typeof measure !== 'function' || typeof getStyleProperty !== 'function') return;
  const pdfmakeLookup = getStyleProperty;
  TextInlinesClass.prototype.measure = function (array, stack) {
    return stack ? measureInlines.call(this, array, stack, pdfmakeLookup) : measure.call(this, array, stack);
  };
}
