import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submitErrors } from '../cases/submit-errors';
import { SelectField } from '../directory/common/select-field';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { crisisApi } from './crisis-api';
import { crisisKeys } from './crisis-queries';
import { MOVEMENT_MODES, type CrisisEvent, type Movement, type MovementMode } from './crisis-types';
import { toIso } from './local-time';

const idOf = (field: string) => `movement-${field}`;

/** A new flight, bus or boat of the event; its page opens to add the passengers. */
export function MovementFormDialog({
  event,
  onClose,
  onDone,
}: {
  event: CrisisEvent;
  onClose(): void;
  onDone(created: Movement): void;
}) {
  const { t } = useTranslation('crisis');
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    mode: 'flight' as MovementMode,
    label: '',
    departsAt: '',
    from: '',
    to: '',
  });
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());
  const create = useMutation({
    mutationFn: () =>
      crisisApi.createMovement(
        event.id,
        {
          mode: form.mode,
          label: form.label.trim(),
          departsAt: toIso(form.departsAt),
          from: form.from.trim(),
          to: form.to.trim(),
        },
        idempotencyKey.current,
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: crisisKeys.movements(event.id) });
      onDone(created);
    },
    onError: (error) => setErrors(submitErrors(error, idOf, t)),
  });
  const submit = () => {
    if (create.isPending) return;
    const problems: SummaryError[] = (['label', 'departsAt', 'from', 'to'] as const)
      .filter((field) => !form[field].trim())
      .map((field) => ({ fieldId: idOf(field), message: t(`movements.errors.${field}`) }));
    if (problems.length) return setErrors(problems);
    create.mutate();
  };
  const text = (field: 'label' | 'from' | 'to' | 'departsAt', extra: object = {}) => (
    <TextField
      id={idOf(field)}
      label={t(`movements.${field}`)}
      value={form[field]}
      onChange={(e) => setForm({ ...form, [field]: e.target.value })}
      required
      error={Boolean(fieldError(idOf(field)))}
      helperText={fieldError(idOf(field))}
      {...extra}
    />
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="movement-form-title">
      <DialogTitle id="movement-form-title">{t('movements.new')}</DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <form
          id="movement-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Box sx={{ display: 'grid', gap: 2, pt: 1 }}>
            <SelectField
              id={idOf('mode')}
              label={t('movements.mode')}
              value={form.mode}
              onChange={(mode) => setForm({ ...form, mode: mode as MovementMode })}
              required
              options={MOVEMENT_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
            />
            {text('label')}
            {text('departsAt', {
              type: 'datetime-local',
              slotProps: { inputLabel: { shrink: true } },
            })}
            {text('from')}
            {text('to')}
          </Box>
        </form>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" type="submit" form="movement-form" loading={create.isPending}>
          {t('movements.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
