import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { ProblemAlert } from '../shell/problem-alert';
import { useHasPermission, useMe } from '../shell/use-me';
import { practiceKeys, type Practice } from './practice-queries';

type Step = 'submit' | 'publish' | 'return' | 'withdraw';

/** Whether the signed-in user submits for the entry's country (an admin or consul of it). */
function useIsSubmitter(practice: Practice): boolean {
  const me = useMe().data;
  const maySubmit = useHasPermission('practices:submit');
  return (
    maySubmit &&
    (me?.grants.some(
      (g) => (g.role === 'admin' || g.role === 'consul') && g.countryCode === practice.countryCode,
    ) ??
      false)
  );
}

/** The steps of the review workflow the user may take on this entry now. */
export function PracticeActions({
  practice,
  onDone,
}: {
  practice: Practice;
  onDone(message: string): void;
}) {
  const { t } = useTranslation('practices');
  const client = useQueryClient();
  const country = useIsSubmitter(practice);
  const reviewer = useHasPermission('practices:review');
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const step = useMutation({
    mutationFn: (name: Step) => {
      const path = { params: { path: { id: practice.id } } };
      if (name === 'return')
        return unwrap(
          api.POST('/api/v1/good-practices/{id}/return', { ...path, body: { comment } }),
        );
      return unwrap(api.POST(`/api/v1/good-practices/{id}/${name}`, path));
    },
    onSuccess: async (updated) => {
      setReturning(false);
      await client.invalidateQueries({ queryKey: practiceKeys.all });
      onDone(t('page.done', { status: t(`statuses.${updated.status}`) }));
    },
  });
  const editable = practice.status === 'draft' || practice.status === 'returned';
  return (
    <Stack spacing={2}>
      {step.error && !returning && <ProblemAlert error={step.error} />}
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} useFlexGap>
        {country && editable && (
          <Button component={RouterLink} to={`/practices/${practice.id}/edit`} variant="outlined">
            {t('page.edit')}
          </Button>
        )}
        {country && editable && (
          <Button variant="contained" onClick={() => step.mutate('submit')}>
            {t('page.submit')}
          </Button>
        )}
        {reviewer && practice.status === 'submitted' && (
          <>
            <Button variant="contained" onClick={() => step.mutate('publish')}>
              {t('page.publish')}
            </Button>
            <Button variant="outlined" onClick={() => setReturning(true)}>
              {t('page.return')}
            </Button>
          </>
        )}
        {(country || reviewer) && practice.status !== 'withdrawn' && (
          <Button color="warning" onClick={() => step.mutate('withdraw')}>
            {t('page.withdraw')}
          </Button>
        )}
      </Stack>
      <Dialog open={returning} onClose={() => setReturning(false)} aria-labelledby="return-title">
        <DialogTitle id="return-title">{t('page.return')}</DialogTitle>
        <DialogContent>
          {step.error && <ProblemAlert error={step.error} />}
          <TextField
            id="return-comment"
            label={t('page.returnComment')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            multiline
            minRows={3}
            fullWidth
            required
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReturning(false)}>{t('page.cancel')}</Button>
          <Button variant="contained" onClick={() => step.mutate('return')}>
            {t('page.confirmReturn')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

export { useIsSubmitter };
