import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { ProblemAlert } from '../../shell/problem-alert';
import { caseKeys } from '../case-queries';
import type { Consent } from './cooperation-queries';

/** The person withdraws their consent: what waits to be sent on it stops (pending referrals). */
export function WithdrawConsentDialog({
  caseId,
  consent,
  name,
  onClose,
  onDone,
}: {
  caseId: string;
  consent: Consent;
  name: string;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation('cooperation');
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/consents/{consentId}/withdraw', {
          params: { path: { id: caseId, consentId: consent.id } },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      onDone();
    },
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="withdraw-title">
      <DialogTitle id="withdraw-title">{t('consents.withdrawTitle', { name })}</DialogTitle>
      <DialogContent>
        {withdraw.isError && <ProblemAlert error={withdraw.error} />}
        <DialogContentText sx={{ mb: 2 }}>{t('consents.withdrawText')}</DialogContentText>
        <TextField
          id="withdraw-note"
          label={t('consents.withdrawNote')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          multiline
          minRows={2}
          fullWidth
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          color="error"
          onClick={() => !withdraw.isPending && withdraw.mutate()}
          loading={withdraw.isPending}
        >
          {t('consents.withdrawConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
