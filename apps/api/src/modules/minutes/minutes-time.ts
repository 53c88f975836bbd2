import type { Bilingual } from './minutes-document';
import { MINUTES_TIME_ZONE } from './minutes-document';

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  weekdayJa: string;
  weekdayEn: string;
  monthEn: string;
}

const NUMERIC = new Intl.DateTimeFormat('en-GB', {
  timeZone: MINUTES_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAY_JA = new Intl.DateTimeFormat('ja-JP', { timeZone: MINUTES_TIME_ZONE, weekday: 'short' });
const WEEKDAY_EN = new Intl.DateTimeFormat('en-GB', { timeZone: MINUTES_TIME_ZONE, weekday: 'short' });
const MONTH_EN = new Intl.DateTimeFormat('en-GB', { timeZone: MINUTES_TIME_ZONE, month: 'short' });

function parts(d: Date): Parts {
  const p = Object.fromEntries(NUMERIC.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    weekdayJa: WEEKDAY_JA.format(d),
    weekdayEn: WEEKDAY_EN.format(d),
    monthEn: MONTH_EN.format(d),
  };
}

const sameDay = (a: Parts, b: Parts) => a.year === b.year && a.month === b.month && a.day === b.day;
const dateJa = (p: Parts) => `${p.year}年${p.month}月${p.day}日(${p.weekdayJa})`;
const dateEn = (p: Parts) => `${p.weekdayEn} ${p.day} ${p.monthEn} ${p.year}`;
const time = (p: Parts) => `${p.hour}:${p.minute}`;

/**
 * 日時 of a meeting in Japan time: 「2026年11月23日(月) 14:00–16:30」 / "Mon 23 Nov 2026, 14:00–16:30 JST".
 * A meeting that runs past midnight names both dates; one still running has an open end.
 */
export function formatMeetingWhen(start: Date | null, end: Date | null): Bilingual {
  if (!start) return { ja: '日時未定', en: 'Date not set' };
  const s = parts(start);
  if (!end) return { ja: `${dateJa(s)} ${time(s)}–`, en: `${dateEn(s)}, ${time(s)}– JST` };
  const e = parts(end);
  if (sameDay(s, e)) return { ja: `${dateJa(s)} ${time(s)}–${time(e)}`, en: `${dateEn(s)}, ${time(s)}–${time(e)} JST` };
  return { ja: `${dateJa(s)} ${time(s)} – ${dateJa(e)} ${time(e)}`, en: `${dateEn(s)}, ${time(s)} – ${dateEn(e)}, ${time(e)} JST` };
}

/** One point in time in Japan time: 「2026年11月23日(月) 16:45」 / "Mon 23 Nov 2026, 16:45 JST". */
export function formatDateTime(iso: string, lang: 'ja' | 'en'): string {
  const p = parts(new Date(iso));
  return lang === 'ja' ? `${dateJa(p)} ${time(p)}` : `${dateEn(p)}, ${time(p)} JST`;
}

/** A calendar date (YYYY-MM-DD, no time zone): 「2027年3月31日」 / "31 Mar 2027". */
export function formatDate(ymd: string, lang: 'ja' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const [, y, mo, d] = m;
  if (lang === 'ja') return `${y}年${Number(mo)}月${Number(d)}日`;
  const month = new Date(Date.UTC(Number(y), Number(mo) - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${Number(d)} ${month} ${y}`;
}
