import { Button, Stack, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorSummary } from '../error-summary';
import { callApi } from './call-api';
import { CodeField, isSixDigits } from './code-field';
import { useErrorSummary } from './use-error-summary';

/** The second step for an account with TOTP on: the code ends the sign-in. */
export function VerifyStep(props: {
  challengeToken: string;
  onSignedIn(tokens: { accessToken: string }): void;
  onStartOver(): void;
}) {
  const { t } = useTranslation();
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isSixDigits(code))
      return setErrors([{ fieldId: 'code', message: t('signIn.codeInvalid') }]);
    setBusy(true);
    const outcome = await callApi(
      () =>
        api.POST('/api/v1/auth/mfa/verify', {
          body: { challengeToken: props.challengeToken, code },
        }),
      t('signIn.networkError'),
    );
    setBusy(false);
    if (outcome.error) return setErrors(outcome.error);
    props.onSignedIn(outcome.data);
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('signIn.codeTitle')}
      </Typography>
      <ErrorSummary ref={summaryRef} errors={errors} />
      <Stack spacing={2}>
        <Typography>{t('signIn.codeHint')}</Typography>
        <CodeField value={code} onChange={setCode} error={fieldError('code')} />
        <Button type="submit" variant="contained" size="large" loading={busy}>
          {t('signIn.verify')}
        </Button>
        <Button variant="text" onClick={props.onStartOver}>
          {t('signIn.startOver')}
        </Button>
      </Stack>
    </form>
  );
}
