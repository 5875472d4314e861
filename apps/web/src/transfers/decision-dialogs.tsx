import {
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
import { submitErrors } from '../cases/submit-errors';
import { ErrorSummary } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { transferKeys, type Transfer } from './transfer-queries';

interface DialogProps {
  transfer: Transfer;
  onClose(): void;
  onDone(saved: Transfer): void;
}

/** A decision: on success every list of transfers (and any case) is read again. */
function useDecision(onDone: (saved: Transfer) => void, mutationFn: () => Promise<Transfer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: transferKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      onDone(saved);
    },
  });
}

/**
 * The receiving post takes the case: it moves here with a new reference. No assignee is chosen
 * here (no endpoint lists the receiving post's officers to its consul); the consul assigns it from
 * the case page once it is theirs.
 */
export function AcceptTransferDialog({ transfer, onClose, onDone }: DialogProps) {
  const { t } = useTranslation('transfers');
  const { errors, setErrors, summaryRef } = useErrorSummary();
  const accept = useDecision(onDone, () =>
    unwrap(
      api.POST('/api/v1/transfers/{id}/accept', {
        params: { path: { id: transfer.id } },
        body: {},
      }),
    ),
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="accept-transfer-title">
      <DialogTitle id="accept-transfer-title">{t('accept.title')}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography>
            {t('accept.intro', {
              reference: transfer.caseReference,
              from: transfer.fromConsulateName ?? '',
            })}
          </Typography>
          <Typography>{t('accept.assignLater')}</Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          loading={accept.isPending}
          onClick={() =>
            accept.mutate(undefined, {
              onError: (error) => setErrors(submitErrors(error, () => undefined, t)),
            })
          }
        >
          {t('accept.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** The receiving post declines, saying why; the case stays where it is. */
export function RejectTransferDialog({ transfer, onClose, onDone }: DialogProps) {
  const { t } = useTranslation('transfers');
  const [reason, setReason] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const reject = useDecision(onDone, () =>
    unwrap(
      api.POST('/api/v1/transfers/{id}/reject', {
        params: { path: { id: transfer.id } },
        body: { reason: reason.trim() },
      }),
    ),
  );
  const submit = () => {
    if (reject.isPending) return;
    if (reason.trim().length < 10)
      return setErrors([{ fieldId: 'reject-transfer-reason', message: t('reject.errors.reason') }]);
    reject.mutate(undefined, {
      onError: (error) =>
        setErrors(
          submitErrors(error, (f) => (f === 'reason' ? 'reject-transfer-reason' : undefined), t),
        ),
    });
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="reject-transfer-title">
      <DialogTitle id="reject-transfer-title">{t('reject.title')}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <form
          id="reject-transfer-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <TextField
            id="reject-transfer-reason"
            label={t('reject.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            fullWidth
            multiline
            minRows={3}
            sx={{ mt: 1 }}
            error={Boolean(fieldError('reject-transfer-reason'))}
            helperText={fieldError('reject-transfer-reason') ?? t('reject.hint')}
          />
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          color="error"
          type="submit"
          form="reject-transfer-form"
          loading={reject.isPending}
        >
          {t('reject.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
