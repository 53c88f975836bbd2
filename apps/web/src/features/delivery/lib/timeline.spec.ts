import { at, barStart, dayOf, isoOf, monthTicks, timelineSpan } from './timeline';

describe('roadmap timeline', () => {
  it('spans every date and today with padding, at least a quarter wide', () => {
    const span = timelineSpan([{ startDate: '2027-01-10', dueDate: '2027-12-20' }], '2027-06-01');
    expect(isoOf(span.start)).toBe('2026-12-27');
    expect(isoOf(span.end)).toBe('2028-01-03');
    const narrow = timelineSpan([], '2027-06-01');
    expect(narrow.end - narrow.start).toBeGreaterThanOrEqual(90);
    expect(at(narrow, dayOf('2027-06-01'))).toBeCloseTo(50, 0);
  });

  it('places days in percent, clamped, and ticks month starts', () => {
    const span = { start: dayOf('2027-01-01'), end: dayOf('2027-03-01') };
    expect(at(span, span.start)).toBe(0);
    expect(at(span, span.end + 10)).toBe(100);
    expect(monthTicks(span).map(isoOf)).toEqual(['2027-02-01', '2027-03-01']);
    const year = { start: dayOf('2026-11-15'), end: dayOf('2028-01-10') };
    expect(monthTicks(year).map(isoOf)).toEqual(['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01', '2028-01-01']);
  });

  it('starts a bar at its start date, else a month before it is due', () => {
    expect(isoOf(barStart({ startDate: null, dueDate: '2027-03-31' }, '2027-01-01'))).toBe('2027-03-01');
    expect(isoOf(barStart({ startDate: null, dueDate: null }, '2027-01-01'))).toBe('2027-01-01');
  });
});
