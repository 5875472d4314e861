import { CircularProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** While the refresh cookie is asked for a session: neither the page nor the sign-in form yet. */
export function RestoringSession() {
  const { t } = useTranslation();
  return (
    <Stack role="status" direction="row" spacing={2} sx={{ alignItems: 'center', py: 4 }}>
      <CircularProgress size={24} aria-hidden />
      <Typography>{t('session.restoring')}</Typography>
    </Stack>
  );
}
