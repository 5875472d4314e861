export const LOCALES = ['es', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';

/** Text every user reads exists in Spanish and English. */
export type Localized = Record<Locale, string>;

interface LanguageAware {
  acceptsLanguages(...langs: string[]): string | false;
}

/** Picks the response language from `Accept-Language`; Spanish unless English is preferred. */
export function localeOf(req: LanguageAware): Locale {
  if (!('acceptsLanguages' in req)) return DEFAULT_LOCALE;
  const best = req.acceptsLanguages(...LOCALES);
  return best === 'en' ? 'en' : DEFAULT_LOCALE;
}

/** Fills `{name}` placeholders. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in params ? String(params[key]) : match,
  );
}
