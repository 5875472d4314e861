import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { QueryState } from '../directory/common/query-state';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { cooperationQueueKeys, unreviewedOverridesQuery } from './cooperation-queue-query';

type Override = components['schemas']['ConsentOverrideResponse'];
type Purpose = 'disclosure_to_organisations' | 'disclosure_to_other_country';

/**
 * The review list of consent overrides (GET /consent-overrides): another consul of the post, or a
 * supervisor, reads each decision to disclose without consent and marks it reviewed.
 */
export function ConsentOverridesPanel() {
  const { t } = useTranslation('cooperationQueue');
  const { t: tCooperation } = useTranslation('cooperation');
  const f = useFormat();
  const overrides = useQuery(unreviewedOverridesQuery);
  const [reviewing, setReviewing] = useState<Override | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const items = overrides.data?.items;
  return (
    <section aria-labelledby="consent-overrides-title">
      <Typography variant="h5" component="h2" id="consent-overrides-title" sx={{ mb: 1 }}>
        {t('overrides.title')}
      </Typography>
      <Typography sx={{ mb: 1 }}>{t('overrides.intro')}</Typography>
      {done && (
        <Alert severity="success" role="status" sx={{ mb: 1 }}>
          {t('overrides.reviewed', { reference: done })}
        </Alert>
      )}
      <QueryState isPending={overrides.isPending} error={overrides.error} />
      {items && items.length === 0 && <Typography role="status">{t('overrides.none')}</Typography>}
      {items && items.length > 0 && (
        <TableContainer>
          <Table size="small">
            <caption>{t('overrides.caption')}</caption>
            <TableHead>
              <TableRow>
                {(['case', 'purpose', 'fields', 'reason', 'when', 'actions'] as const).map(
                  (key) => (
                    <TableCell key={key} component="th" scope="col">
                      {t(`overrides.${key}`)}
                    </TableCell>
                  ),
                )}
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((o) => (
                <TableRow key={o.id}>
                  <TableCell component="th" scope="row">
                    <Link component={RouterLink} to={`/cases/${o.caseId}`}>
                      {o.caseReference}
                    </Link>
                  </TableCell>
                  <TableCell>{t(`overrides.purposes.${o.purpose as Purpose}`)}</TableCell>
                  <TableCell>
                    {o.fields.map((field) => tCooperation(`fields.${field}`)).join(', ')}
                  </TableCell>
                  <TableCell>{o.reason}</TableCell>
                  <TableCell>{f.dateTime(o.overriddenAt)}</TableCell>
                  <TableCell>
                    <Button
                      variant="outlined"
                      size="small"
                      onClick={() => setReviewing(o)}
                      aria-label={t('overrides.reviewCase', { reference: o.caseReference })}
                    >
                      {t('overrides.review')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {reviewing && (
        <ReviewOverrideDialog
          override={reviewing}
          onClose={() => setReviewing(null)}
          onReviewed={(reference) => {
            setReviewing(null);
            setDone(reference);
          }}
        />
      )}
    </section>
  );
}

function ReviewOverrideDialog({
  override,
  onClose,
  onReviewed,
}: {
  override: Override;
  onClose: () => void;
  onReviewed: (reference: string) => void;
}) {
  const { t } = useTranslation('cooperationQueue');
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/consent-overrides/{id}/review', {
          params: { path: { id: override.id } },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cooperationQueueKeys.overrides });
      await queryClient.invalidateQueries({ queryKey: cooperationQueueKeys.queue });
      onReviewed(override.caseReference);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    review.mutate();
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="review-override-title">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="review-override-title">
          {t('overrides.dialogTitle', { reference: override.caseReference })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('overrides.dialogText')}</DialogContentText>
          {review.error && <ProblemAlert error={review.error} />}
          <TextField
            id="review-override-note"
            label={t('overrides.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('overrides.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={review.isPending}>
            {t('overrides.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
