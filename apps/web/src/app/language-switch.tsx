import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Lang } from '../lib/i18n';

const NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };

/** Each language is named in itself, so either reader can find theirs. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('nav.language')} className={`row ${className ?? ''}`}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className={`btn btn--quiet${i18n.language === lang ? ' is-current' : ''}`}
          aria-pressed={i18n.language === lang}
          onClick={() => void i18n.changeLanguage(lang)}
        >
          {NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
