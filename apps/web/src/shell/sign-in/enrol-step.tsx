import { Box, CircularProgress, Link, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary } from '../error-summary';
import { callApi } from './call-api';
import { CodeControls, useCodeSubmission } from './code-step';
import { OtpauthQrCode, groupedInFours } from './otpauth-qr-code';

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
  const step = useCodeSubmission(
    (code) =>
      api.POST('/api/v1/auth/mfa/confirm', {
        body: { challengeToken: props.challengeToken, code },
      }),
    (data) => {
      if ('accessToken' in data) props.onEnrolled(data);
    },
  );
  const { errors, setErrors, summaryRef } = step;
  const [enrolment, setEnrolment] = useState<Enrolment>();
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

  return (
    <form noValidate onSubmit={(event) => void step.submit(event)}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('signIn.enrolTitle')}
      </Typography>
      <ErrorSummary ref={summaryRef} errors={errors} />
      <Stack spacing={2}>
        <Typography>{t('signIn.enrolHint')}</Typography>
        {enrolment ? (
          <>
            <OtpauthQrCode uri={enrolment.otpauthUri} />
            <TextField
              id="secret"
              label={t('signIn.secret')}
              value={groupedInFours(enrolment.secret)}
              slotProps={{ htmlInput: { readOnly: true, style: { fontFamily: 'monospace' } } }}
            />
            <Box>
              <Typography variant="body2" component="p">
                {t('signIn.otpauthUri')}:{' '}
                <Link href={enrolment.otpauthUri} sx={{ wordBreak: 'break-all' }}>
                  {enrolment.otpauthUri}
                </Link>
              </Typography>
            </Box>
          </>
        ) : (
          errors.length === 0 && <CircularProgress aria-label={t('home.loading')} />
        )}
        <CodeControls step={step} onStartOver={props.onStartOver} />
      </Stack>
    </form>
  );
}
