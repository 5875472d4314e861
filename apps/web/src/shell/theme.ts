import { createTheme, type Theme } from '@mui/material/styles';
import { enUS, esES } from '@mui/material/locale';
import type { Language } from './i18n';

const MUI_LOCALES = { es: esES, en: enUS };

/** MUI's own texts (pagination, dialogs) do not follow i18next by themselves: build per language. */
export function themeFor(language: Language): Theme {
  return createTheme(
    {
      palette: { primary: { main: '#1a4f8b' } },
      components: {
        MuiButton: { defaultProps: { disableElevation: true } },
        // A menu (a Select's options) opens inside the landmark of its control, not at the end of
        // <body>, where its options would be content outside every landmark (axe: region).
        MuiMenu: { defaultProps: { disablePortal: true } },
      },
    },
    MUI_LOCALES[language],
  );
}
