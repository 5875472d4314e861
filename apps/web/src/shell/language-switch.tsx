import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from './i18n';

/** On every screen; the choice is remembered in this browser (i18n.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <TextField
      select
      size="small"
      id="language"
      label={t('language.label')}
      value={i18n.language}
      onChange={(event) => void i18n.changeLanguage(event.target.value)}
      sx={{ minWidth: 140, bgcolor: 'background.paper', borderRadius: 1 }}
    >
      {LANGUAGES.map((language) => (
        <MenuItem key={language} value={language} lang={language}>
          {t(`language.${language}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
