import { Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorSummary } from '../error-summary';
import { CodeControls, useCodeSubmission } from './code-step';

/** The second step for an account with TOTP on: the code ends the sign-in. */
export function VerifyStep(props: {
  challengeToken: string;
  onSignedIn(tokens: { accessToken: string; expiresIn: number }): void;
  onStartOver(): void;
}) {
  const { t } = useTranslation();
  const step = useCodeSubmission(
    (code) =>
      api.POST('/api/v1/auth/mfa/verify', { body: { challengeToken: props.challengeToken, code } }),
    props.onSignedIn,
  );

  return (
    <form noValidate onSubmit={(event) => void step.submit(event)}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('signIn.codeTitle')}
      </Typography>
      <ErrorSummary ref={step.summaryRef} errors={step.errors} />
      <Stack spacing={2}>
        <Typography>{t('signIn.codeHint')}</Typography>
        <CodeControls step={step} onStartOver={props.onStartOver} />
      </Stack>
    </form>
  );
}
