/**
 * pdfmake measures text inline by inline, and Japanese has a break opportunity between every two
 * characters, so every character is an inline (see pdf-inline-runs.ts). For each one pdfmake asks
 * its style stack for ~22 properties (font, bold, fontSize, colour, lineHeight, …); each question
 * pushes the inline onto the stack, walks the stack from the top and pops it again. On the 425-page
 * minutes that is some ten million walks, about half of the layout time (profiled 2026-12-07).
 *
 * While one text node is measured the stack does not change (pdfmake pushes and pops around the
 * whole node), so what the stack answers for a property is the same for all of the node's inlines.
 * Here each answer is asked once per measured node and remembered for that node only; an inline's
 * own properties still come first, exactly as pdfmake's lookup does. Inlines that name styles of
 * the style dictionary (Yoriai uses none) take pdfmake's own path.
 */

interface StyleStack {
  getProperty(property: string): unknown;
}

type GetStyleProperty = (item: Record<string, unknown>, stack: StyleStack | null | undefined, property: string, defaultValue: unknown) => unknown;

interface StyleContextStackClass {
  getStyleProperty: GetStyleProperty;
}

interface TextInlinesClass {
  prototype: { measure(this: unknown, array: unknown[], stack: StyleStack | null | undefined): unknown[] };
}

const isValue = (v: unknown) => v !== undefined && v !== null;

/**
 * A lookup that answers for inlines measured against `stack` from a per-node memo, and passes every
 * other question (another stack, a named style, a section) to pdfmake's own lookup.
 */
export function memoizedStyleLookup(original: GetStyleProperty, stack: StyleStack): GetStyleProperty {
  const fromStack = new Map<string, unknown>();
  return (item, askedStack, property, defaultValue) => {
    if (askedStack !== stack || typeof item !== 'object' || item === null || item.style !== undefined || item.section !== undefined) {
      return original(item, askedStack, property, defaultValue);
    }
    const own = item[property];
    if (isValue(own)) return own;
    let value = fromStack.get(property);
    if (value === undefined && !fromStack.has(property)) {
      value = stack.getProperty(property);
      fromStack.set(property, value);
    }
    return isValue(value) ? value : defaultValue;
  };
}

let installed = false;

/**
 * Makes pdfmake's text measurement use the per-node memo (once per process). When pdfmake's
 * internals are not as expected (another version), nothing is changed: same output, only slower.
 */
export function installStyleLookupMemo(): void {
  if (installed) return;
  installed = true;
  let Stack: StyleContextStackClass | undefined;
  let TextInlines: TextInlinesClass | undefined;
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    Stack = (require('pdfmake/js/StyleContextStack') as { default?: StyleContextStackClass }).default;
    TextInlines = (require('pdfmake/js/TextInlines') as { default?: TextInlinesClass }).default;
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch {
    return;
  }
  const original = Stack?.getStyleProperty;
  const measure = TextInlines?.prototype?.measure;
  if (!Stack || !TextInlines || typeof original !== 'function' || typeof measure !== 'function') return;
  const StyleStack = Stack;
  TextInlines.prototype.measure = function (array, stack) {
    if (!stack) return measure.call(this, array, stack);
    // measure() is synchronous and never re-entered, so the memo lives exactly as long as this call.
    StyleStack.getStyleProperty = memoizedStyleLookup(original, stack);
    try {
      return measure.call(this, array, stack);
    } finally {
      StyleStack.getStyleProperty = original;
    }
  };
}
