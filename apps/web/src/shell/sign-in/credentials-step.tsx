import { Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary, type SummaryError } from '../error-summary';
import { callApi } from './call-api';
import { useErrorSummary } from './use-error-summary';

export type LoginAnswer =
  components['schemas']['SessionTokensResponse'] | components['schemas']['MfaChallengeResponse'];

/** Email and password: the API answers tokens, or the second-factor step the account needs. */
export function CredentialsStep({ onAnswer }: { onAnswer(answer: LoginAnswer): void }) {
  const { t } = useTranslation();
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: SummaryError[] = [];
    if (!email.trim()) missing.push({ fieldId: 'email', message: t('signIn.emailRequired') });
    if (!password) missing.push({ fieldId: 'password', message: t('signIn.passwordRequired') });
    if (missing.length) return setErrors(missing);
    setBusy(true);
    const outcome = await callApi(
      () => api.POST('/api/v1/auth/login', { body: { email: email.trim(), password } }),
      t('signIn.networkError'),
    );
    setBusy(false);
    if (outcome.error) return setErrors(outcome.error);
    setErrors([]);
    onAnswer(outcome.data as LoginAnswer);
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('signIn.title')}
      </Typography>
      <ErrorSummary ref={summaryRef} errors={errors} />
      <Stack spacing={2}>
        <TextField
          id="email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={Boolean(fieldError('email'))}
          helperText={fieldError('email')}
          required
        />
        <TextField
          id="password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={Boolean(fieldError('password'))}
          helperText={fieldError('password')}
          required
        />
        <Button type="submit" variant="contained" size="large" loading={busy}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
