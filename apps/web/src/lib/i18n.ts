import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Label } from '@yoriai/domain';
import en from '../locales/en.json';
import ja from '../locales/ja.json';

export const LANGUAGES = ['ja', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'yoriai.lang';

function storedLanguage(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'ja') return saved;
  } catch {
    // storage may be disabled (private mode); Japanese is the default
  }
  return 'ja';
}

function applyToDocument(lang: string): void {
  document.documentElement.lang = lang;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'ja',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
applyToDocument(i18n.language);

i18n.on('languageChanged', (lang) => {
  applyToDocument(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; the switch still applies to this page
  }
});

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'ja';
}

/** The UI language plus a picker for the bilingual labels of libs/domain. */
export function useLang(): { lang: Lang; label: (l: Label) => string } {
  const { i18n: instance } = useTranslation();
  const lang: Lang = instance.language === 'en' ? 'en' : 'ja';
  return { lang, label: (l: Label) => l[lang] };
}
