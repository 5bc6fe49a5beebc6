/**
 * Interface languages: English, Ukrainian and Russian. The choice is kept in the browser; the first
 * visit follows the browser's own preference.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { uk } from './uk.js';
import { ru } from './ru.js';

/** The languages offered, with their names in themselves. */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'uk', label: 'Українська' },
  { code: 'ru', label: 'Русский' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'wa.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  const wanted = [saved, ...navigator.languages].map((l) => (l ?? '').slice(0, 2).toLowerCase());
  return (wanted.find((l) => LANGUAGES.some((x) => x.code === l)) as Language | undefined) ?? 'en';
}

/** Switches the interface language and remembers it. */
export async function setLanguage(code: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, code);
  await i18n.changeLanguage(code);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  initAsync: false,
  resources: { en: { translation: en }, uk: { translation: uk }, ru: { translation: ru } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export { i18n };
