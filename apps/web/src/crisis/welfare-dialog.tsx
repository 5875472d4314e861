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
import { submitErrors } from '../cases/submit-errors';
import { SelectField } from '../directory/common/select-field';
import { ErrorSummary } from '../shell/error-summary';
import { useFormat } from '../shell/format';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { crisisApi } from './crisis-api';
import { crisisKeys, useRosterEntry } from './crisis-queries';
import {
  WELFARE_STATUSES,
  type CrisisEvent,
  type RosterEntry,
  type WelfareStatus,
} from './crisis-types';
import { personName } from './person-name';

/** A person's welfare: the history of who set what when, and a new status with an optional note. */
export function WelfareDialog({
  event,
  entry,
  onClose,
  onDone,
}: {
  event: CrisisEvent;
  entry: RosterEntry;
  onClose(): void;
  onDone(saved: RosterEntry): void;
}) {
  const { t } = useTranslation('crisis');
  const f = useFormat();
  const queryClient = useQueryClient();
  const detail = useRosterEntry(event.id, entry.id);
  const current = detail.data ?? entry;
  const [status, setStatus] = useState<WelfareStatus>(entry.welfareStatus);
  const [note, setNote] = useState('');
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const name = personName(entry);
  const save = useMutation({
    mutationFn: () => crisisApi.setWelfare(event.id, entry.id, status, note.trim() || undefined),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: crisisKeys.event(event.id) });
      onDone(saved);
    },
    onError: (error) =>
      setErrors(
        submitErrors(
          error,
          (field) => ({ status: 'welfare-status', note: 'welfare-note' })[field],
          t,
        ),
      ),
  });
  const submit = () => {
    if (save.isPending) return;
    if (status === current.welfareStatus)
      return setErrors([{ fieldId: 'welfare-status', message: t('welfareDialog.errors.same') }]);
    save.mutate();
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="welfare-title">
      <DialogTitle id="welfare-title">{t('welfareDialog.title', { name })}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <form
          id="welfare-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack spacing={3} sx={{ pt: 1 }}>
            <Typography>
              {t('welfareDialog.current', { status: t(`welfare.${current.welfareStatus}`) })}
            </Typography>
            <SelectField
              id="welfare-status"
              label={t('welfareDialog.status')}
              value={status}
              onChange={(value) => setStatus(value as WelfareStatus)}
              required
              error={fieldError('welfare-status')}
              options={WELFARE_STATUSES.map((s) => ({ value: s, label: t(`welfare.${s}`) }))}
            />
            <TextField
              id="welfare-note"
              label={t('welfareDialog.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              multiline
              minRows={2}
              error={Boolean(fieldError('welfare-note'))}
              helperText={fieldError('welfare-note') ?? t('welfareDialog.noteHint')}
            />
          </Stack>
        </form>
        {current.welfareHistory && current.welfareHistory.length > 0 && (
          <Table size="small" sx={{ mt: 3 }}>
            <caption>{t('welfareDialog.historyCaption')}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('welfareDialog.when')}</TableCell>
                <TableCell scope="col">{t('welfareDialog.historyStatus')}</TableCell>
                <TableCell scope="col">{t('welfareDialog.from')}</TableCell>
                <TableCell scope="col">{t('welfareDialog.who')}</TableCell>
                <TableCell scope="col">{t('welfareDialog.historyNote')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {current.welfareHistory.map((change) => (
                <TableRow key={change.id}>
                  <TableCell component="th" scope="row">
                    {f.dateTime(change.changedAt)}
                  </TableCell>
                  <TableCell>{t(`welfare.${change.status}`)}</TableCell>
                  <TableCell>
                    {change.previousStatus ? t(`welfare.${change.previousStatus}`) : ''}
                  </TableCell>
                  <TableCell>{change.changedByName ?? ''}</TableCell>
                  <TableCell>{change.note ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" type="submit" form="welfare-form" loading={save.isPending}>
          {t('welfareDialog.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
