import type { Lang } from './i18n';

const LOCALE: Record<Lang, string> = { ja: 'ja-JP', en: 'en-GB' };

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** 2026年11月23日(月) 14:00 · Mon, 23 Nov 2026, 14:00 */
export function formatDateTime(value: string | Date, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(toDate(value));
}

/** 2026年11月23日(月) · Mon, 23 Nov 2026 */
export function formatDate(value: string | Date, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(toDate(value));
}

/** A KPI deadline is a calendar date (YYYY-MM-DD) without a time zone: format it as such. */
export function formatIsoDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return formatDate(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])), lang);
}

export function formatTime(value: string | Date, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { hour: '2-digit', minute: '2-digit' }).format(toDate(value));
}

/** "12:05" for a countdown of milliseconds (never negative). */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
