import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/call';
import { api } from '../../api/client';
import { useCodeLabel, useCodeLists } from '../../codes/use-code-lists';
import { ErrorSummary } from '../../shell/error-summary';
import type { Language } from '../../shell/i18n';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';
import { caseKeys, fetchCase, unwrapVersioned, type VersionedCase } from '../case-queries';
import { submitErrors } from '../submit-errors';
import { SurvivingCaseField } from './surviving-case-field';
import {
  EMPTY_TRANSITION_FORM,
  missingFields,
  transitionBody,
  transitionKind,
  type OfferedTransition,
  type TransitionForm,
} from './transition-kinds';

const FIELD_IDS: Record<string, string> = {
  reason: 'transition-reason',
  closureReason: 'transition-closureReason',
  duplicateOf: 'transition-duplicateOf',
};

/**
 * Confirming one workflow move, with the fields it needs, against the version read (If-Match).
 * When someone saved first (412) the case is read again: the user confirms again on the new
 * version, or learns the move is no longer offered.
 */
export function TransitionDialog({
  current,
  offered,
  onClose,
  onDone,
}: {
  current: VersionedCase;
  offered: OfferedTransition;
  onClose(): void;
  onDone(saved: VersionedCase): void;
}) {
  const { t, i18n } = useTranslation('cases');
  const { t: ts } = useTranslation('safeguards');
  const approvalRule = current.case.closureApprovalRule;
  const explainsRule =
    approvalRule && (offered.to === 'closure_requested' || offered.to === 'closed');
  const language = i18n.language as Language;
  const codes = useCodeLists().data;
  const label = useCodeLabel();
  const queryClient = useQueryClient();
  const id = current.case.id;
  const kind = transitionKind(current.case.status, offered.to);
  const [etag, setEtag] = useState(current.etag);
  const [form, setForm] = useState<TransitionForm>(EMPTY_TRANSITION_FORM);
  const [stale, setStale] = useState<'moved' | 'gone' | null>(null);
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const set = (patch: Partial<TransitionForm>) => setForm((f) => ({ ...f, ...patch }));

  const send = useMutation({
    mutationFn: () =>
      unwrapVersioned(
        api.POST('/api/v1/cases/{id}/transitions', {
          params: { path: { id }, header: { 'If-Match': etag } },
          body: transitionBody(offered, form),
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(caseKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(id) });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      onDone(saved);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 412) {
        const fresh = await queryClient.fetchQuery({
          queryKey: caseKeys.detail(id),
          queryFn: () => fetchCase(id),
          staleTime: 0,
        });
        const stillOffered = fresh.case.allowedTransitions.some(
          (o) =>
            o.to === offered.to &&
            transitionKind(fresh.case.status, o.to) === kind &&
            o.reasonRequired === offered.reasonRequired &&
            o.closureReasonRequired === offered.closureReasonRequired,
        );
        setEtag(fresh.etag);
        setStale(stillOffered ? 'moved' : 'gone');
        setErrors([]);
        setTimeout(() => document.getElementById('transition-stale')?.focus());
        return;
      }
      setErrors(submitErrors(error, (field) => FIELD_IDS[field], t));
    },
  });

  const submit = () => {
    if (send.isPending || stale === 'gone') return;
    const missing = missingFields(offered, form);
    if (missing.length)
      return setErrors(
        missing.map((field) => ({
          fieldId: FIELD_IDS[field],
          message: t(`transitions.errors.${field}`),
        })),
      );
    send.mutate();
  };

  const title = t(`transitions.kinds.${kind}.title`, { reference: current.case.reference });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="transition-title">
      <DialogTitle id="transition-title">{title}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        {stale && (
          <Alert severity="warning" role="none" sx={{ mb: 2 }}>
            <div id="transition-stale" tabIndex={-1} role="alert">
              {t(stale === 'moved' ? 'transitions.staleMoved' : 'transitions.staleGone')}
            </div>
          </Alert>
        )}
        {explainsRule && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {ts(`closureRule.${approvalRule}`)}
          </Alert>
        )}
        <DialogContentText sx={{ mb: 2 }}>
          {t(`transitions.kinds.${kind}.intro`, {
            reason: label('closureReasons', current.case.requestedClosureReason ?? ''),
          })}
        </DialogContentText>
        <form
          id="transition-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack spacing={2} sx={{ pt: 1 }}>
            {offered.closureReasonRequired && (
              <TextField
                select
                id="transition-closureReason"
                label={t('transitions.closureReason')}
                value={form.closureReason}
                onChange={(e) => set({ closureReason: e.target.value, duplicateOf: '' })}
                required
                error={Boolean(fieldError('transition-closureReason'))}
                helperText={fieldError('transition-closureReason')}
              >
                {(codes?.closureReasons ?? []).map((code) => (
                  <MenuItem key={code.code} value={code.code}>
                    {code.label[language]}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {offered.closureReasonRequired && form.closureReason === 'duplicate' && (
              <SurvivingCaseField
                id="transition-duplicateOf"
                current={current.case}
                value={form.duplicateOf}
                onChange={(duplicateOf) => set({ duplicateOf })}
                error={fieldError('transition-duplicateOf')}
              />
            )}
            {offered.reasonRequired && (
              <TextField
                id="transition-reason"
                label={t(`transitions.kinds.${kind}.reason`)}
                value={form.reason}
                onChange={(e) => set({ reason: e.target.value })}
                required
                multiline
                minRows={2}
                error={Boolean(fieldError('transition-reason'))}
                helperText={fieldError('transition-reason')}
              />
            )}
          </Stack>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        {stale !== 'gone' && (
          <Button variant="contained" type="submit" form="transition-form" loading={send.isPending}>
            {t(`transitions.kinds.${kind}.confirm`)}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
