import { Box, Button, CircularProgress, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../error-summary';
import { callApi } from './call-api';
import { CodeField, isSixDigits } from './code-field';
import { useErrorSummary } from './use-error-summary';

type Enrolment = components['schemas']['MfaEnrolmentResponse'];
export type EnrolledSession = components['schemas']['EnrolledSessionResponse'];

/**
 * First sign-in of an account that must use TOTP: the key for the authenticator app, then its first
 * code, which ends the sign-in with the session and the recovery codes.
 */
export function EnrolStep(props: {
  challengeToken: string;
  onEnrolled(session: EnrolledSession): void;
  onStartOver(): void;
}) {
  const { t } = useTranslation();
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  // Each enrol call issues a new secret: ask once, even when React runs the effect twice.
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void callApi(
      () => api.POST('/api/v1/auth/mfa/enrol', { body: { challengeToken: props.challengeToken } }),
      t('signIn.networkError'),
    ).then((outcome) => (outcome.error ? setErrors(outcome.error) : setEnrolment(outcome.data)));
  }, [props.challengeToken, setErrors, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isSixDigits(code))
      return setErrors([{ fieldId: 'code', message: t('signIn.codeInvalid') }]);
    setBusy(true);
    const outcome = await callApi(
      () =>
        api.POST('/api/v1/auth/mfa/confirm', {
          body: { challengeToken: props.challengeToken, code },
        }),
      t('signIn.networkError'),
    );
    setBusy(false);
    if (outcome.error) return setErrors(outcome.error);
    if ('accessToken' in outcome.data) props.onEnrolled(outcome.data);
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('signIn.enrolTitle')}
      </Typography>
      <ErrorSummary ref={summaryRef} errors={errors} />
      <Stack spacing={2}>
        <Typography>{t('signIn.enrolHint')}</Typography>
        {enrolment ? (
          <>
            <TextField
              id="secret"
              label={t('signIn.secret')}
              value={enrolment.secret}
              slotProps={{ htmlInput: { readOnly: true, style: { fontFamily: 'monospace' } } }}
            />
            <Box>
              <Typography variant="body2" component="p">
                {t('signIn.otpauthUri')}:{' '}
                <a href={enrolment.otpauthUri} style={{ wordBreak: 'break-all' }}>
                  {enrolment.otpauthUri}
                </a>
              </Typography>
            </Box>
          </>
        ) : (
          errors.length === 0 && <CircularProgress aria-label={t('home.loading')} />
        )}
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
