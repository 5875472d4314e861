import { MenuItem, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { LANGUAGES, type Language } from './i18n';
import { meQuery } from './use-me';
import { useSession } from './session';

/**
 * On every screen; the choice is remembered in this browser (i18n.ts) and, when signed in, on the
 * account too, so it follows the user to other computers.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { signedIn } = useSession();
  const queryClient = useQueryClient();

  const choose = async (language: Language) => {
    await i18n.changeLanguage(language);
    if (!signedIn) return;
    // The page has switched already; a failure to save only means the next sign-in starts in the
    // account's earlier language.
    const { data } = await api.PATCH('/api/v1/me', { body: { locale: language } }).catch(() => ({
      data: undefined,
    }));
    if (data) queryClient.setQueryData(meQuery.queryKey, data);
  };

  return (
    <TextField
      select
      size="small"
      id="language"
      label={t('language.label')}
      value={i18n.language}
      onChange={(event) => void choose(event.target.value as Language)}
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
