import type { Lang } from './domain-error';

/** Japanese first: English only when the caller prefers it (Accept-Language or ?lang=en). */
export function pickLanguage(acceptLanguage: string | string[] | undefined, explicit?: unknown): Lang {
  if (explicit === 'en' || explicit === 'ja') return explicit;
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ja';
}
