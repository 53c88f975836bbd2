import { badInput } from '../../common/errors/domain-error';
import type { Lang } from './export-labels';

/** Labels of a file export are Japanese unless ?lang=en (CONTRACT.md); Accept-Language only picks the language of errors. */
export function exportLanguage(lang: unknown): Lang {
  if (lang === undefined || lang === 'ja') return 'ja';
  if (lang === 'en') return 'en';
  throw badInput('EXPORT_LANGUAGE_UNSUPPORTED', 'lang には ja か en を指定してください。', 'lang must be ja or en.', { lang: String(lang) });
}
