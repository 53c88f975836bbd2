import { formatCountdown, formatDate, formatDateTime, formatIsoDate } from './format';

describe('date formatting', () => {
  // Fixed wall-clock values, so the test does not depend on the machine's time zone.
  const monday = new Date(2026, 10, 23, 14, 0);

  it('writes dates the Japanese way', () => {
    expect(formatDateTime(monday, 'ja')).toBe('2026年11月23日(月) 14:00');
    expect(formatDate(monday, 'ja')).toBe('2026年11月23日(月)');
  });

  it('writes dates the British way in English', () => {
    expect(formatDateTime(monday, 'en')).toBe('Mon, 23 Nov 2026, 14:00');
  });

  it('treats a KPI deadline as a calendar date, without shifting it across time zones', () => {
    expect(formatIsoDate('2029-03-31', 'ja')).toBe('2029年3月31日(土)');
    expect(formatIsoDate('not a date', 'ja')).toBe('not a date');
  });

  it('counts down in minutes and seconds, never below zero', () => {
    expect(formatCountdown(125_000)).toBe('2:05');
    expect(formatCountdown(400)).toBe('0:01');
    expect(formatCountdown(-5_000)).toBe('0:00');
  });
});
