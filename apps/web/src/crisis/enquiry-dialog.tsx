import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../directory/common/detail-list';
import { submitErrors } from '../cases/submit-errors';
import { ErrorSummary } from '../shell/error-summary';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { crisisApi } from './crisis-api';
import { crisisKeys, useEnquiry } from './crisis-queries';
import type { CrisisEvent, Enquiry } from './crisis-types';
import { mayWrite } from './event-frame';
import { personName } from './person-name';

/**
 * One enquiry: who asks for whom, the roster's closest names (accent- and typo-tolerant) for the
 * officer to confirm, then what the relative was told, and closing it.
 */
export function EnquiryDialog({
  event,
  enquiryId,
  onClose,
}: {
  event: CrisisEvent;
  enquiryId: string;
  onClose(): void;
}) {
  const { t } = useTranslation('crisis');
  const f = useFormat();
  const queryClient = useQueryClient();
  const found = useEnquiry(event.id, enquiryId);
  const [answer, setAnswer] = useState('');
  const [notice, setNotice] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const write = mayWrite(event);
  const step = useMutation({
    mutationFn: (args: { step: 'match' | 'answer' | 'close'; value?: string }) =>
      args.step === 'match'
        ? crisisApi.matchEnquiry(event.id, enquiryId, args.value!)
        : args.step === 'answer'
          ? crisisApi.answerEnquiry(event.id, enquiryId, args.value!)
          : crisisApi.closeEnquiry(event.id, enquiryId),
    onSuccess: (saved, args) => {
      queryClient.setQueryData(
        crisisKeys.enquiry(event.id, enquiryId),
        (old: Enquiry | undefined) => ({
          ...old,
          ...saved,
        }),
      );
      void queryClient.invalidateQueries({ queryKey: crisisKeys.enquiries(event.id) });
      setErrors([]);
      if (args.step === 'match') setNotice(t('enquiry.matchedDone'));
      if (args.step === 'answer') {
        setAnswer('');
        setNotice(t('enquiry.answered'));
      }
      if (args.step === 'close') onClose();
    },
    onError: (error) =>
      setErrors(
        submitErrors(error, (field) => (field === 'answer' ? 'enquiry-answer' : undefined), t),
      ),
  });
  const e = found.data;
  const matched =
    e?.matchedEntry ?? e?.suggestions?.find((s) => s.entry.id === e.matchedEntryId)?.entry;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="enquiry-title">
      <DialogTitle id="enquiry-title">
        {t('enquiry.title', { name: e?.relativeName ?? '…' })}
      </DialogTitle>
      <DialogContent>
        {found.error ? <ProblemAlert error={found.error} /> : null}
        {!e ? (
          <Typography role="status">{t('common.loading')}</Typography>
        ) : (
          <Stack spacing={3}>
            <ErrorSummary ref={summaryRef} errors={errors} />
            <DetailList
              items={[
                [
                  t('enquiry.soughtLabel'),
                  [e.soughtGivenNames, e.soughtFamilyNames].filter(Boolean).join(' '),
                ],
                [t('enquiry.detailsLabel'), e.soughtDetails],
                [t('enquiry.contactLabel'), e.relativeContact],
                [t('enquiry.relationshipLabel'), e.relationship],
                [t('enquiry.statusLabel'), t(`enquiries.statuses.${e.status}`)],
                [t('enquiries.received'), f.dateTime(e.recordedAt)],
                ...(e.answer ? [[t('enquiry.answerLabel'), e.answer] as [string, string]] : []),
              ]}
            />
            <Typography role="status">{notice}</Typography>
            {matched ? (
              <Typography sx={{ fontWeight: 700 }}>
                {t('enquiry.matched', {
                  name: personName(matched),
                  status: t(`welfare.${matched.welfareStatus}`),
                })}
              </Typography>
            ) : (
              <section aria-labelledby="suggestions-title">
                <Typography id="suggestions-title" variant="h6" component="h3" gutterBottom>
                  {t('enquiry.suggestionsTitle')}
                </Typography>
                {(e.suggestions ?? []).length === 0 ? (
                  <Typography>{t('enquiry.noSuggestions')}</Typography>
                ) : (
                  <Table size="small">
                    <caption>{t('enquiry.suggestionsCaption')}</caption>
                    <TableHead>
                      <TableRow>
                        <TableCell scope="col">{t('roster.name')}</TableCell>
                        <TableCell scope="col">{t('roster.location')}</TableCell>
                        <TableCell scope="col">{t('roster.status')}</TableCell>
                        <TableCell scope="col" align="right">
                          {t('enquiry.score')}
                        </TableCell>
                        {write && <TableCell scope="col">{t('enquiry.action')}</TableCell>}
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {e.suggestions!.map(({ entry, score }) => (
                        <TableRow key={entry.id}>
                          <TableCell component="th" scope="row">
                            {personName(entry)}
                          </TableCell>
                          <TableCell>
                            {[entry.locationSubdivision, entry.locationText]
                              .filter(Boolean)
                              .join(' · ')}
                          </TableCell>
                          <TableCell>{t(`welfare.${entry.welfareStatus}`)}</TableCell>
                          <TableCell align="right">{`${Math.round(score * 100)} %`}</TableCell>
                          {write && (
                            <TableCell>
                              <Button
                                variant="outlined"
                                onClick={() => step.mutate({ step: 'match', value: entry.id })}
                                disabled={step.isPending}
                              >
                                {t('enquiry.confirm', { name: personName(entry) })}
                              </Button>
                            </TableCell>
                          )}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </section>
            )}
            {write && e.status !== 'closed' && (
              <form
                noValidate
                onSubmit={(ev) => {
                  ev.preventDefault();
                  if (!answer.trim())
                    return setErrors([
                      { fieldId: 'enquiry-answer', message: t('enquiry.errors.answer') },
                    ]);
                  step.mutate({ step: 'answer', value: answer.trim() });
                }}
              >
                <Stack spacing={2}>
                  <TextField
                    id="enquiry-answer"
                    label={t('enquiry.answer')}
                    value={answer}
                    onChange={(ev) => setAnswer(ev.target.value)}
                    multiline
                    minRows={2}
                    error={Boolean(fieldError('enquiry-answer'))}
                    helperText={fieldError('enquiry-answer')}
                  />
                  <Button
                    type="submit"
                    variant="contained"
                    sx={{ alignSelf: 'flex-start' }}
                    loading={step.isPending && step.variables?.step === 'answer'}
                  >
                    {t('enquiry.answerSubmit')}
                  </Button>
                </Stack>
              </form>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {write && e && e.status !== 'closed' && (
          <Button color="error" onClick={() => step.mutate({ step: 'close' })}>
            {t('enquiry.closeEnquiry')}
          </Button>
        )}
        <Button variant="contained" onClick={onClose}>
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
