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
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { submitErrors } from '../cases/submit-errors';
import { SelectField } from '../directory/common/select-field';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { transferKeys, useReceivingPosts } from './transfer-queries';

const FIELD_IDS: Record<string, string> = {
  toConsulateId: 'transfer-post',
  reason: 'transfer-reason',
};

/**
 * "Transfer to another post": the receiving post (another active post of the case's country) and
 * why. The case stays here until that post's consul accepts it.
 */
export function ProposeTransferDialog({
  caseId,
  consulateId,
  onClose,
  onSent,
}: {
  caseId: string;
  /** The case's post, which is not offered. */
  consulateId: string;
  onClose(): void;
  onSent(message: string): void;
}) {
  const { t } = useTranslation('transfers');
  const queryClient = useQueryClient();
  const { posts, isPending } = useReceivingPosts(consulateId, t('propose.inactive'));
  const [toConsulateId, setTo] = useState('');
  const [reason, setReason] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());
  const idOf = (field: string) => FIELD_IDS[field];

  const propose = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/transfers', {
          params: { path: { id: caseId }, header: { 'Idempotency-Key': idempotencyKey.current } },
          body: { toConsulateId, reason: reason.trim() },
        }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: transferKeys.all });
      onSent(t('propose.sent', { name: created.toConsulateName ?? '' }));
    },
    onError: (error) => {
      // A new attempt after a refusal is another proposal: the key of the refused one is spent.
      idempotencyKey.current = crypto.randomUUID();
      setErrors(submitErrors(error, idOf, t));
    },
  });

  const submit = () => {
    if (propose.isPending) return;
    const missing: SummaryError[] = [];
    if (!toConsulateId)
      missing.push({ fieldId: 'transfer-post', message: t('propose.errors.post') });
    if (reason.trim().length < 10)
      missing.push({ fieldId: 'transfer-reason', message: t('propose.errors.reason') });
    if (missing.length) return setErrors(missing);
    propose.mutate();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="transfer-title">
      <DialogTitle id="transfer-title">{t('propose.title')}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <form
          id="transfer-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack spacing={3} sx={{ pt: 1 }}>
            <Typography>{t('propose.intro')}</Typography>
            <SelectField
              id="transfer-post"
              label={t('propose.post')}
              value={toConsulateId}
              onChange={setTo}
              required
              emptyLabel={isPending ? t('common.loading') : t('propose.choose')}
              error={fieldError('transfer-post')}
              options={posts}
            />
            {!isPending && posts.length === 0 && <Typography>{t('propose.noPosts')}</Typography>}
            <TextField
              id="transfer-reason"
              label={t('propose.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              multiline
              minRows={3}
              error={Boolean(fieldError('transfer-reason'))}
              helperText={fieldError('transfer-reason') ?? t('propose.reasonHint')}
            />
          </Stack>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" type="submit" form="transfer-form" loading={propose.isPending}>
          {t('propose.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
