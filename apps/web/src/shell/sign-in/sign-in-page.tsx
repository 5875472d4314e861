import { Alert, Paper } from '@mui/material';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { RestoringSession } from '../restoring-session';
import { useSession } from '../session';
import { useFocusHeading } from '../use-focus-heading';
import { CredentialsStep, type LoginAnswer } from './credentials-step';
import { EnrolStep, type EnrolledSession } from './enrol-step';
import { RecoveryCodesStep } from './recovery-codes-step';
import { VerifyStep } from './verify-step';

type Step =
  | { kind: 'credentials' }
  | { kind: 'verify' | 'enrol'; challengeToken: string }
  | { kind: 'recovery-codes'; session: EnrolledSession };

/** Sign-in as the API leads it: password, then the TOTP code, or TOTP enrolment the first time. */
export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const state = useLocation().state as { from?: string; activated?: boolean } | null;
  const from = state?.from ?? '/';
  const [step, setStep] = useState<Step>({ kind: 'credentials' });
  const paper = useRef<HTMLDivElement>(null);
  useFocusHeading(step.kind, paper);

  const finish = (tokens: { accessToken: string; expiresIn: number }) => {
    session.start(tokens);
    void navigate(from, { replace: true });
  };
  const startOver = () => setStep({ kind: 'credentials' });
  const onAnswer = (answer: LoginAnswer) => {
    if ('accessToken' in answer) finish(answer);
    else if (answer.challengeType === 'mfa_enrol')
      setStep({ kind: 'enrol', challengeToken: answer.challengeToken });
    else setStep({ kind: 'verify', challengeToken: answer.challengeToken });
  };

  if (session.status === 'restoring') return <RestoringSession />;
  // Signed in already (a reload of the sign-in page, say), and not in the middle of a new sign-in.
  if (session.signedIn && step.kind === 'credentials') return <Navigate to={from} replace />;

  return (
    <Paper ref={paper} variant="outlined" sx={{ p: { xs: 2, sm: 4 }, maxWidth: 600, mx: 'auto' }}>
      {step.kind === 'credentials' && session.endedBecause === 'idle' && (
        <Alert severity="info" role="status" sx={{ mb: 3 }}>
          {t('session.idleSignedOut')}
        </Alert>
      )}
      {step.kind === 'credentials' && state?.activated && (
        <Alert severity="success" role="status" sx={{ mb: 3 }}>
          {t('activate.done')}
        </Alert>
      )}
      {step.kind === 'credentials' && <CredentialsStep onAnswer={onAnswer} />}
      {step.kind === 'verify' && (
        <VerifyStep
          challengeToken={step.challengeToken}
          onSignedIn={finish}
          onStartOver={startOver}
        />
      )}
      {step.kind === 'enrol' && (
        <EnrolStep
          challengeToken={step.challengeToken}
          onEnrolled={(enrolled) => setStep({ kind: 'recovery-codes', session: enrolled })}
          onStartOver={startOver}
        />
      )}
      {step.kind === 'recovery-codes' && (
        <RecoveryCodesStep
          codes={step.session.recoveryCodes}
          onContinue={() => finish(step.session)}
        />
      )}
    </Paper>
  );
}
