import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/call';
import { api } from '../../api/client';
import { ErrorSummary } from '../../shell/error-summary';
import { ProblemAlert } from '../../shell/problem-alert';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';
import { useMe } from '../../shell/use-me';
import { caseKeys, fetchCase, unwrapVersioned, type VersionedCase } from '../case-queries';
import { submitErrors } from '../submit-errors';
import { useAssignableOfficers } from './assignable-officers';

/** "Assign to…": one of the officers of the case's post, against the version read (If-Match). */
export function AssignDialog({
  current,
  onClose,
  onDone,
}: {
  current: VersionedCase;
  onClose(): void;
  onDone(saved: VersionedCase): void;
}) {
  const { t } = useTranslation('cases');
  const me = useMe().data;
  const queryClient = useQueryClient();
  const id = current.case.id;
  const officers = useAssignableOfficers(id, true);
  const [etag, setEtag] = useState(current.etag);
  const [officerId, setOfficerId] = useState('');
  const [stale, setStale] = useState(false);
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();

  const send = useMutation({
    mutationFn: () =>
      unwrapVersioned(
        api.POST('/api/v1/cases/{id}/assignment', {
          params: { path: { id }, header: { 'If-Match': etag } },
          body: { officerId },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(caseKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: caseKeys.history(id) });
      onDone(saved);
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 412) {
        const fresh = await queryClient.fetchQuery({
          queryKey: caseKeys.detail(id),
          queryFn: () => fetchCase(id),
          staleTime: 0,
        });
        setEtag(fresh.etag);
        setStale(true);
        setErrors([]);
        setTimeout(() => document.getElementById('assign-stale')?.focus());
        return;
      }
      setErrors(submitErrors(error, (f) => (f === 'officerId' ? 'assign-officer' : undefined), t));
    },
  });

  const submit = () => {
    if (send.isPending) return;
    if (!officerId)
      return setErrors([{ fieldId: 'assign-officer', message: t('assign.errors.officer') }]);
    send.mutate();
  };

  const choices = (officers.data?.items ?? []).filter(
    (o) => o.id !== current.case.assignedOfficerId,
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="assign-title">
      <DialogTitle id="assign-title">{t('assign.title')}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        {stale && (
          <Alert severity="warning" role="none" sx={{ mb: 2 }}>
            <div id="assign-stale" tabIndex={-1} role="alert">
              {t('assign.stale')}
            </div>
          </Alert>
        )}
        <Typography sx={{ mb: 2 }}>{t('assign.intro')}</Typography>
        {officers.isError && <ProblemAlert error={officers.error} />}
        <form
          id="assign-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <TextField
            select
            fullWidth
            id="assign-officer"
            label={t('assign.officer')}
            value={officerId}
            onChange={(e) => setOfficerId(e.target.value)}
            required
            error={Boolean(fieldError('assign-officer'))}
            helperText={
              fieldError('assign-officer') ?? (officers.isPending ? t('common.loading') : undefined)
            }
          >
            {choices.map((o) => (
              <MenuItem key={o.id} value={o.id}>
                {o.id === me?.id ? t('assign.me', { name: o.displayName }) : o.displayName}
              </MenuItem>
            ))}
          </TextField>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" type="submit" form="assign-form" loading={send.isPending}>
          {t('assign.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
