import { en as cases_en } from '../cases/locales/en';
import { es as cases_es } from '../cases/locales/es';

/**
 * The messages of each screen folder are an i18next namespace of their own, read with
 * `useTranslation('<folder>')`, so two screens never edit the same file of messages. A folder adds
 * its `es` and `en` objects here (the shell's own are the default namespace, `translation`).
 */
export const NAMESPACES: { es: Record<string, object>; en: Record<string, object> } = {
  es: { cases: cases_es },
  en: { cases: cases_en },
};
