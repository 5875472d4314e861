import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { submitErrors } from '../cases/submit-errors';
import { useCodeLists } from '../codes/use-code-lists';
import { SelectField } from '../directory/common/select-field';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import type { Language } from '../shell/i18n';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { assistanceKeys, type AssistanceRequest } from './assistance-queries';

type AcceptBody = components['schemas']['AcceptAssistanceRequest'];

interface DialogProps {
  request: AssistanceRequest;
  onClose(): void;
  onDone(saved: AssistanceRequest): void;
}

/** A decision on the request: on success the request as it now stands, and every list refreshed. */
function useDecision(
  id: string,
  onDone: (saved: AssistanceRequest) => void,
  mutationFn: () => Promise<AssistanceRequest>,
  onError: (error: unknown) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      queryClient.setQueryData(assistanceKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: assistanceKeys.all });
      onDone(saved);
    },
    onError,
  });
}

/**
 * The receiving consul accepts: an assistance request opens a case of their country at their post
 * (its primary category chosen here); a notification is only acknowledged.
 */
export function AcceptDialog({ request, onClose, onDone }: DialogProps) {
  const { t, i18n } = useTranslation('assistance');
  const language = i18n.language as Language;
  const codes = useCodeLists().data;
  const opensCase = request.kind === 'assistance';
  const [category, setCategory] = useState(request.payload?.case.primaryCategory ?? '');
  const [summary, setSummary] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idOf = (field: string) =>
    ({ primaryCategory: 'accept-category', summary: 'accept-summary' })[field];
  const accept = useDecision(
    request.id,
    onDone,
    () =>
      unwrap(
        api.POST('/api/v1/assistance-requests/{id}/accept', {
          params: { path: { id: request.id } },
          body: {
            primaryCategory: (category || 'documentation') as AcceptBody['primaryCategory'],
            summary: summary.trim() || undefined,
          },
        }),
      ),
    (error) => setErrors(submitErrors(error, idOf, t)),
  );
  const submit = () => {
    if (accept.isPending) return;
    if (opensCase && !category)
      return setErrors([{ fieldId: 'accept-category', message: t('accept.errors.category') }]);
    accept.mutate();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="accept-title">
      <DialogTitle id="accept-title">{t('accept.title')}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <form
          id="accept-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack spacing={3} sx={{ pt: 1 }}>
            <Typography>{opensCase ? t('accept.intro') : t('accept.acknowledgeIntro')}</Typography>
            {opensCase && (
              <>
                <SelectField
                  id="accept-category"
                  label={t('accept.category')}
                  value={category}
                  onChange={setCategory}
                  required
                  emptyLabel=""
                  error={fieldError('accept-category')}
                  options={(codes?.caseCategories ?? []).map((c) => ({
                    value: c.code,
                    label: c.label[language],
                  }))}
                />
                <TextField
                  id="accept-summary"
                  label={t('accept.summary')}
                  value={summary}
                  onChange={(e) => setSummary(e.target.value)}
                  multiline
                  minRows={3}
                  error={Boolean(fieldError('accept-summary'))}
                  helperText={fieldError('accept-summary')}
                />
              </>
            )}
          </Stack>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" type="submit" form="accept-form" loading={accept.isPending}>
          {opensCase ? t('accept.submit') : t('accept.submitAcknowledge')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Reject (receiving side) or revoke (requesting side), each with the reason the other side reads. */
export function ReasonDialog({
  request,
  decision,
  onClose,
  onDone,
}: DialogProps & { decision: 'reject' | 'revoke' }) {
  const { t } = useTranslation('assistance');
  const [reason, setReason] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const fieldId = `${decision}-reason`;
  const send = useDecision(
    request.id,
    onDone,
    () =>
      unwrap(
        decision === 'reject'
          ? api.POST('/api/v1/assistance-requests/{id}/reject', {
              params: { path: { id: request.id } },
              body: { reason },
            })
          : api.POST('/api/v1/assistance-requests/{id}/revoke', {
              params: { path: { id: request.id } },
              body: { reason },
            }),
      ),
    (error) => setErrors(submitErrors(error, (f) => (f === 'reason' ? fieldId : undefined), t)),
  );
  const submit = () => {
    if (send.isPending) return;
    if (reason.trim().length < (decision === 'reject' ? 10 : 1))
      return setErrors([{ fieldId, message: t(`${decision}.errors.reason`) }]);
    send.mutate();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={`${decision}-title`}>
      <DialogTitle id={`${decision}-title`}>{t(`${decision}.title`)}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <form
          id={`${decision}-form`}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <TextField
            id={fieldId}
            label={t(`${decision}.reason`)}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            fullWidth
            multiline
            minRows={3}
            sx={{ mt: 1 }}
            error={Boolean(fieldError(fieldId))}
            helperText={fieldError(fieldId) ?? t(`${decision}.hint`)}
          />
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          color={decision === 'reject' ? 'error' : 'primary'}
          type="submit"
          form={`${decision}-form`}
          loading={send.isPending}
        >
          {t(`${decision}.submit`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The receiving side says the assistance was given (accepted requests). */
export function CompleteButton({ request, onDone }: Omit<DialogProps, 'onClose'>) {
  const { t } = useTranslation('assistance');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const complete = useDecision(
    request.id,
    onDone,
    () =>
      unwrap(
        api.POST('/api/v1/assistance-requests/{id}/complete', {
          params: { path: { id: request.id } },
        }),
      ),
    (error) => setErrors(submitErrors(error, () => undefined, t)),
  );
  return (
    <Box>
      <ErrorSummary errors={errors} />
      <Button variant="outlined" onClick={() => complete.mutate()} loading={complete.isPending}>
        {t('detail.complete')}
      </Button>
    </Box>
  );
}
