import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { es } from './locales/es';
import { NAMESPACES } from './namespaces';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'amparo.language';

/**
 * The language chosen before on this browser; on a first visit, the browser's own (its first of
 * Spanish or English), so an English-speaking officer does not have to find the switch; else Spanish.
 */
export function initialLanguage(
  stored: string | null,
  browserLanguages: readonly string[],
): Language {
  const known = (tag: string | null) =>
    LANGUAGES.find((language) => language === tag?.toLowerCase().split('-')[0]);
  if (stored) return known(stored) ?? 'es';
  return browserLanguages.map(known).find(Boolean) ?? 'es';
}

function rememberedLanguage(): Language {
  return initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? []);
}

/** `<html lang>` follows the language: screen readers read with it, and the API client sends it. */
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  localStorage.setItem(STORAGE_KEY, language);
});

void i18n.use(initReactI18next).init({
  resources: {
    es: { translation: es, ...NAMESPACES.es },
    en: { translation: en, ...NAMESPACES.en },
  },
  lng: rememberedLanguage(),
  fallbackLng: 'es',
  interpolation: { escapeValue: false }, // React escapes.
});

export { i18n };
