import { createTheme, type Theme } from '@mui/material/styles';
import { enUS, esES } from '@mui/material/locale';
import type { Language } from './i18n';

const MUI_LOCALES = { es: esES, en: enUS };
const PRIMARY = '#1a4f8b';
/**
 * The keyboard focus of buttons and links: a solid ring (over 3:1 on every background here), in
 * place of MUI's faint focus ripple, which barely shows on a filled button.
 */
const FOCUS_RING = { outline: `3px solid ${PRIMARY}`, outlineOffset: 2 };
/**
 * A focused link (GOV.UK's style): black on yellow with a thick underline. No outline: links sit in
 * boxes that clip what passes their sides (an alert's message scrolls).
 */
const LINK_FOCUS = {
  outline: 'none',
  color: '#0b0c0c',
  backgroundColor: '#ffdd00',
  boxShadow: '0 -2px #ffdd00, 0 4px #0b0c0c',
  textDecoration: 'none',
};

/** MUI's own texts (pagination, dialogs) do not follow i18next by themselves: build per language. */
export function themeFor(language: Language): Theme {
  return createTheme(
    {
      palette: { primary: { main: PRIMARY } },
      components: {
        MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': FOCUS_RING } } },
        MuiButton: { defaultProps: { disableElevation: true, disableFocusRipple: true } },
        MuiLink: { styleOverrides: { root: { '&:focus-visible': LINK_FOCUS } } },
        // A menu (a Select's options) opens inside the landmark of its control, not at the end of
        // <body>, where its options would be content outside every landmark (axe: region).
        MuiMenu: { defaultProps: { disablePortal: true } },
      },
    },
    MUI_LOCALES[language],
  );
}
