import { Button } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from './call-api';
import { CodeField, isSixDigits } from './code-field';
import { useErrorSummary } from './use-error-summary';

/** The API's refusal of the code itself: the summary links to the code field. */
const CODE_PROBLEMS = { MFA_CODE_INVALID: 'code' };

/**
 * A step that ends with a six-digit code sent to the API (verifying a sign-in, confirming an
 * enrolment): the code's state, its check before sending, and the API's answer as errors or data.
 */
export function useCodeSubmission<T>(
  send: (code: string) => Promise<{ data?: T; error?: unknown }>,
  onAccepted: (data: T) => void,
) {
  const { t } = useTranslation();
  const summary = useErrorSummary();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isSixDigits(code))
      return summary.setErrors([{ fieldId: 'code', message: t('signIn.codeInvalid') }]);
    setBusy(true);
    const outcome = await callApi(() => send(code), t('signIn.networkError'), CODE_PROBLEMS);
    setBusy(false);
    if (outcome.error) return summary.setErrors(outcome.error);
    onAccepted(outcome.data);
  }

  return { ...summary, code, setCode, busy, submit };
}

/** The end of such a step's form: the code, the button that sends it, and a way back. */
export function CodeControls(props: {
  step: Pick<ReturnType<typeof useCodeSubmission>, 'code' | 'setCode' | 'busy' | 'fieldError'>;
  onStartOver(): void;
}) {
  const { t } = useTranslation();
  const { step } = props;
  return (
    <>
      <CodeField value={step.code} onChange={step.setCode} error={step.fieldError('code')} />
      <Button type="submit" variant="contained" size="large" loading={step.busy}>
        {t('signIn.verify')}
      </Button>
      <Button variant="text" onClick={props.onStartOver}>
        {t('signIn.startOver')}
      </Button>
    </>
  );
}
