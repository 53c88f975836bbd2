const DAY = 86_400_000;
export const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

export interface Span {
  start: number;
  end: number;
}

/**
 * The days a roadmap shows: every item's start and due date and today, padded by two weeks, at
 * least a quarter wide, so a single item still reads as a bar and today is never on the edge.
 */
export function timelineSpan(items: ReadonlyArray<{ startDate: string | null; dueDate: string | null }>, today: string): Span {
  const days = [dayOf(today), ...items.flatMap((i) => [i.startDate, i.dueDate]).filter((d): d is string => !!d).map(dayOf)];
  let start = Math.min(...days) - 14;
  let end = Math.max(...days) + 14;
  if (end - start < 90) {
    const mid = (start + end) / 2;
    start = Math.floor(mid - 45);
    end = Math.ceil(mid + 45);
  }
  return { start, end };
}

/** Where a day falls on the span, in percent of its width (clamped). */
export function at(span: Span, day: number): number {
  return Math.min(100, Math.max(0, ((day - span.start) / (span.end - span.start)) * 100));
}

/** The first day of each month inside the span (axis ticks); only quarter starts when the span is over eight months, so labels never overlap. */
export function monthTicks(span: Span): number[] {
  const all = everyMonth(span);
  if (span.end - span.start <= 245) return all;
  return all.filter((d) => new Date(d * DAY).getUTCMonth() % 3 === 0);
}

function everyMonth(span: Span): number[] {
  const out: number[] = [];
  const d = new Date(span.start * DAY);
  let cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY;
  while (cursor <= span.end) {
    out.push(cursor);
    const c = new Date(cursor * DAY);
    cursor = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1) / DAY;
  }
  return out;
}

/** A bar's start: its start date, else 30 days before it is due, else today. */
export function barStart(item: { startDate: string | null; dueDate: string | null }, today: string): number {
  if (item.startDate) return dayOf(item.startDate);
  if (item.dueDate) return dayOf(item.dueDate) - 30;
  return dayOf(today);
}
