import { en } from '../../../apps/web/src/shell/locales/en';
import { es } from '../../../apps/web/src/shell/locales/es';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The app's own texts, to find controls by the accessible names a user of each language hears. */
export const TEXTS = { es, en };
