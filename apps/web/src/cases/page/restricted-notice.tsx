import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { ErrorSummary } from '../../shell/error-summary';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';
import { caseKeys } from '../case-queries';
import { submitErrors } from '../submit-errors';
import { useAccessGrant } from './access-grant';

/**
 * What a restricted case shows to someone in scope who may not read it (403 CASE_RESTRICTED): why,
 * and the break-the-glass request with its written reason; once granted, the case opens.
 */
export function RestrictedNotice({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const queryClient = useQueryClient();
  const { keep } = useAccessGrant(caseId);
  const [reason, setReason] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const request = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/access-requests', {
          params: { path: { id: caseId } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: (granted) => {
      keep(granted);
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    },
    onError: (error) =>
      setErrors(
        submitErrors(error, (field) => (field === 'reason' ? 'access-reason' : undefined), t),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.isPending) return;
    if (!reason.trim())
      return setErrors([{ fieldId: 'access-reason', message: t('restricted.reasonRequired') }]);
    request.mutate();
  };
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 }, maxWidth: 720, mx: 'auto' }}>
      <form noValidate onSubmit={submit}>
        <Stack spacing={2}>
          <Typography variant="h4" component="h1">
            {t('restricted.title')}
          </Typography>
          <ErrorSummary ref={summaryRef} errors={errors} />
          <Alert severity="warning" role="none">
            {t('restricted.body')}
          </Alert>
          <TextField
            id="access-reason"
            label={t('restricted.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={3}
            required
            error={Boolean(fieldError('access-reason'))}
            helperText={fieldError('access-reason') ?? t('restricted.reasonHint')}
          />
          <Stack direction="row" spacing={2}>
            <Button type="submit" variant="contained" loading={request.isPending}>
              {t('restricted.submit')}
            </Button>
            <Button component={RouterLink} to="/cases">
              {t('restricted.back')}
            </Button>
          </Stack>
        </Stack>
      </form>
    </Paper>
  );
}
