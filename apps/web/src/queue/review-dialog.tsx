import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useFormat } from '../shell/format';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { queueKeys } from './queue-queries';

type AccessRequest = components['schemas']['AccessRequestResponse'];
type Outcome = components['schemas']['ReviewAccessRequestBody']['outcome'];

const NOTE_MAX = 2000;
const FIELD_IDS: Record<string, string> = { outcome: 'review-outcome', note: 'review-note' };

interface Props {
  request: AccessRequest;
  onClose: () => void;
  onReviewed: (reference: string) => void;
}

/**
 * The consul's review of one break-the-glass access (POST /access-requests/{id}/review): the
 * dialog is the confirmation step, since a review is final.
 */
export function ReviewDialog({ request, onClose, onReviewed }: Props) {
  const { t } = useTranslation('queue');
  const { t: tShell } = useTranslation();
  const f = useFormat();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();

  const review = useMutation({
    mutationFn: (body: components['schemas']['ReviewAccessRequestBody']) =>
      unwrap(
        api.POST('/api/v1/access-requests/{id}/review', {
          params: { path: { id: request.id } },
          body,
        }),
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queueKeys.accessRequests }),
        queryClient.invalidateQueries({ queryKey: queueKeys.workQueue }),
      ]),
    onSuccess: () => onReviewed(request.caseReference),
    onError: (error) => setErrors(problemErrors(error, tShell('problem.network'))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (review.isPending) return;
    const found: SummaryError[] = [];
    if (!outcome) found.push({ fieldId: FIELD_IDS.outcome, message: t('review.outcomeRequired') });
    if (note.length > NOTE_MAX)
      found.push({ fieldId: FIELD_IDS.note, message: t('review.noteTooLong') });
    setErrors(found);
    if (found.length || !outcome) return;
    const trimmed = note.trim();
    review.mutate(trimmed ? { outcome, note: trimmed } : { outcome });
  };

  const outcomeError = fieldError(FIELD_IDS.outcome);
  const noteError = fieldError(FIELD_IDS.note);
  return (
    <Dialog open onClose={onClose} aria-labelledby="review-title" fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="review-title">
          {t('review.title', { reference: request.caseReference })}
        </DialogTitle>
        <DialogContent>
          <ErrorSummary ref={summaryRef} errors={errors} />
          <DialogContentText sx={{ mb: 2 }}>{t('review.intro')}</DialogContentText>
          <Typography variant="subtitle2" component="p">
            {t('review.reason')}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>{request.reason}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('review.granted', { date: f.dateTime(request.grantedAt) })}
          </Typography>
          <FormControl error={!!outcomeError} required sx={{ mb: 2 }}>
            <FormLabel id="review-outcome-label">{t('review.outcome')}</FormLabel>
            {outcomeError && (
              <FormHelperText id="review-outcome-error">{outcomeError}</FormHelperText>
            )}
            <RadioGroup
              aria-labelledby="review-outcome-label"
              aria-describedby={outcomeError ? 'review-outcome-error' : undefined}
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as Outcome)}
            >
              <FormControlLabel
                value="justified"
                control={<Radio id={FIELD_IDS.outcome} />}
                label={t('review.justified')}
              />
              <FormControlLabel
                value="unjustified"
                control={<Radio />}
                label={t('review.unjustified')}
              />
            </RadioGroup>
          </FormControl>
          <TextField
            id={FIELD_IDS.note}
            label={t('review.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            multiline
            minRows={3}
            fullWidth
            error={!!noteError}
            helperText={noteError ?? t('review.noteHint')}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('review.cancel')}</Button>
          <Button type="submit" variant="contained" loading={review.isPending}>
            {t('review.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** The API's refusal as summary items: its field errors beside their fields, else its detail. */
function problemErrors(error: Error, unreachable: string): SummaryError[] {
  if (!(error instanceof ApiError)) return [{ message: unreachable }];
  const fields = (error.problem?.errors ?? []).map((item) => ({
    fieldId: FIELD_IDS[item.field],
    message: item.message,
  }));
  return fields.length ? fields : [{ message: error.message }];
}
