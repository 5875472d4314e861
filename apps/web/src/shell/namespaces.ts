import { en as adminEn } from '../admin/locales/en';
import { es as adminEs } from '../admin/locales/es';
import { en as directoryEn } from '../directory/locales/en';
import { es as directoryEs } from '../directory/locales/es';

/**
 * The messages of each screen folder are an i18next namespace of their own, read with
 * `useTranslation('<folder>')`, so two screens never edit the same file of messages. A folder adds
 * its `es` and `en` objects here (the shell's own are the default namespace, `translation`).
 */
export const NAMESPACES: { es: Record<string, object>; en: Record<string, object> } = {
  es: { directory: directoryEs, admin: adminEs },
  en: { directory: directoryEn, admin: adminEn },
};
