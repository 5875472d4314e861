import { Box, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** The recovery codes of a new enrolment, shown this once before the user goes on. */
export function RecoveryCodesStep(props: { codes: string[]; onContinue(): void }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {t('signIn.recoveryTitle')}
      </Typography>
      <Typography>{t('signIn.recoveryHint')}</Typography>
      <Box component="ul" sx={{ fontFamily: 'monospace', fontSize: '1.1rem', columns: 2 }}>
        {props.codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Button variant="contained" size="large" onClick={props.onContinue}>
        {t('signIn.continue')}
      </Button>
    </Stack>
  );
}
