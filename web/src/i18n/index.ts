import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type LazyMessages } from './en';
import { zh } from './zh';

export type Language = 'EN' | 'ZH';
const STORED = 'waterbridge.language';

/** The language to start in: the last one chosen here, else the browser's. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORED);
  if (stored === 'EN' || stored === 'ZH') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'ZH' : 'EN';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: initialLanguage() === 'ZH' ? 'zh' : 'en',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function currentLanguage(): Language {
  return i18n.language === 'zh' ? 'ZH' : 'EN';
}

export async function switchLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORED, language);
  document.documentElement.lang = language === 'ZH' ? 'zh-CN' : 'en';
  await i18n.changeLanguage(language === 'ZH' ? 'zh' : 'en');
}

/** The locale for dates and numbers (Intl) in the current language. */
export const intlLocale = (): string => (currentLanguage() === 'ZH' ? 'zh-CN' : 'en-GB');

export default i18n;

/**
 * Adds the strings of a part of the console that load with its pages (both languages at once, so switching needs no
 * download). Its `messages.ts` calls it when first imported, before any of its pages renders.
 */
export function addMessages<Area extends keyof LazyMessages>(area: Area, english: LazyMessages[Area], chinese: LazyMessages[Area]): void {
  i18n.addResourceBundle('en', 'translation', { [area]: english }, true, true);
  i18n.addResourceBundle('zh', 'translation', { [area]: chinese }, true, true);
}
