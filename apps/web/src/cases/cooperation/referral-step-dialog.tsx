import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { ErrorSummary, type SummaryError } from '../../shell/error-summary';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';
import { caseKeys } from '../case-queries';
import { fromLocalInput } from '../page/local-time';
import { submitErrors } from '../submit-errors';
import type { Referral } from './cooperation-queries';

export type ReferralStep = 'answer' | 'complete' | 'revoke';

/**
 * One step of a referral after it was sent: the organisation's answer as the officer heard it,
 * its completion, or its revocation by the post, each with what the API asks of it.
 */
export function ReferralStepDialog({
  caseId,
  step,
  referral,
  onClose,
  onSaved,
}: {
  caseId: string;
  step: ReferralStep;
  referral: Referral;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('cooperation');
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<'accepted' | 'rejected' | ''>('');
  const [text, setText] = useState('');
  const [answeredAt, setAnsweredAt] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const path = { params: { path: { id: referral.id } } };
  const idOf = (field: string) =>
    ({
      outcome: 'step-outcome',
      reason: 'step-text',
      notes: 'step-text',
      answeredAt: 'step-answeredAt',
    })[field];

  const save = useMutation({
    mutationFn: () => {
      if (step === 'answer')
        return unwrap(
          api.POST('/api/v1/referrals/{id}/answer', {
            ...path,
            body: {
              outcome: outcome as 'accepted' | 'rejected',
              ...(text.trim() ? { reason: text.trim() } : {}),
              ...(answeredAt ? { answeredAt: fromLocalInput(answeredAt) } : {}),
            },
          }),
        );
      if (step === 'complete')
        return unwrap(
          api.POST('/api/v1/referrals/{id}/complete', {
            ...path,
            body: text.trim() ? { notes: text.trim() } : {},
          }),
        );
      return unwrap(
        api.POST('/api/v1/referrals/{id}/revoke', { ...path, body: { reason: text.trim() } }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      onSaved();
    },
    onError: (error) => setErrors(submitErrors(error, idOf, t)),
  });

  const submit = () => {
    if (save.isPending) return;
    const missing: SummaryError[] = [];
    if (step === 'answer' && !outcome)
      missing.push({ fieldId: 'step-outcome', message: t('referrals.errors.outcome') });
    const needsReason = step === 'revoke' || (step === 'answer' && outcome === 'rejected');
    if (needsReason && text.trim().length < 5)
      missing.push({ fieldId: 'step-text', message: t('referrals.errors.reason') });
    if (missing.length) return setErrors(missing);
    save.mutate();
  };

  const organisation = referral.organisationName;
  const title = {
    answer: t('referrals.answerTitle', { organisation }),
    complete: t('referrals.completeTitle', { organisation }),
    revoke: t('referrals.revokeTitle', { organisation }),
  }[step];
  const textLabel =
    step === 'complete'
      ? t('referrals.notes')
      : step === 'revoke'
        ? t('referrals.revokeReason')
        : t('referrals.rejectReason');

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="step-title">
      <DialogTitle id="step-title">{title}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        {step === 'revoke' && (
          <DialogContentText sx={{ mb: 2 }}>{t('referrals.revokeText')}</DialogContentText>
        )}
        <Stack spacing={2} sx={{ pt: 1 }}>
          {step === 'answer' && (
            <FormControl component="fieldset" required error={Boolean(fieldError('step-outcome'))}>
              <FormLabel component="legend">{t('referrals.outcome')}</FormLabel>
              <RadioGroup
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as 'accepted' | 'rejected')}
              >
                <FormControlLabel
                  value="accepted"
                  control={<Radio id="step-outcome" />}
                  label={t('referrals.accepted')}
                />
                <FormControlLabel
                  value="rejected"
                  control={<Radio />}
                  label={t('referrals.rejected')}
                />
              </RadioGroup>
            </FormControl>
          )}
          {(step !== 'answer' || outcome === 'rejected') && (
            <TextField
              id="step-text"
              label={textLabel}
              value={text}
              onChange={(e) => setText(e.target.value)}
              multiline
              minRows={2}
              required={step !== 'complete'}
              error={Boolean(fieldError('step-text'))}
              helperText={fieldError('step-text')}
            />
          )}
          {step === 'answer' && (
            <TextField
              id="step-answeredAt"
              type="datetime-local"
              label={t('referrals.answeredAt')}
              value={answeredAt}
              onChange={(e) => setAnsweredAt(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
              error={Boolean(fieldError('step-answeredAt'))}
              helperText={fieldError('step-answeredAt')}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          color={step === 'revoke' ? 'error' : 'primary'}
          onClick={submit}
          loading={save.isPending}
        >
          {step === 'revoke' ? t('referrals.revoke') : t('referrals.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
