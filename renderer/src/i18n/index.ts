import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { TEXTS } from '../../../shared/messages/texts.ts';
import { de } from './de.ts';
import { en } from './en.ts';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'tutti.language';

function storedLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'de';
}

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/**
 * The UI's own texts and the shared ones (messages of the core, the schemas and the server,
 * field labels) in one tree per language: a message's key means the same here as in the CLI.
 * No top-level key exists in both (i18n.test.ts).
 */
void i18next.use(initReactI18next).init({
  resources: {
    de: { translation: { ...TEXTS.de, ...de } },
    en: { translation: { ...TEXTS.en, ...en } },
  },
  lng: storedLanguage(),
  fallbackLng: 'de',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

export { i18next };
