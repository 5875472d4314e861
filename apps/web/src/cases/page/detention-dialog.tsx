import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import {
  type Detention,
  detentionKeys,
  type RecordDetentionRequest,
  type UpdateDetentionRequest,
} from '../../detention/detention-queries';
import { ErrorSummary, type SummaryError } from '../../shell/error-summary';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';
import { submitErrors } from '../submit-errors';
import { fromLocalInput, toLocalInput } from './local-time';

const TIMES = ['arrestedAt', 'notifiedAt', 'firstContactAt', 'releasedAt'] as const;
type Time = (typeof TIMES)[number];
const FIELDS = ['personId', 'facilityName', 'facilitySubdivisionCode', ...TIMES];

interface Form extends Record<Time, string> {
  personId: string;
  facilityName: string;
  facilitySubdivisionCode: string;
}

const local = (iso: string | null | undefined) => (iso ? toLocalInput(iso) : '');

/**
 * Records a detention of a person of the case, or updates one (`current`, sent with its etag):
 * the times the clocks run from, and the release that stops them.
 */
export function DetentionDialog({
  caseId,
  persons,
  current,
  onClose,
  onSaved,
}: {
  caseId: string;
  persons: { id: string; name: string }[];
  current?: Detention;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('detention');
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(() => ({
    personId: current?.personId ?? (persons.length === 1 ? persons[0].id : ''),
    facilityName: current?.facilityName ?? '',
    facilitySubdivisionCode: current?.facilitySubdivisionCode ?? '',
    arrestedAt: local(current?.arrestedAt),
    notifiedAt: local(current?.notifiedAt),
    firstContactAt: local(current?.firstContactAt),
    releasedAt: '',
  }));
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());
  const idOf = (field: string) => (FIELDS.includes(field) ? `detention-${field}` : undefined);
  const at = (value: string) => (value ? fromLocalInput(value) : null);

  const save = useMutation({
    mutationFn: () => {
      const place = {
        facilityName: form.facilityName.trim() || null,
        facilitySubdivisionCode: form.facilitySubdivisionCode.trim().toUpperCase() || null,
      };
      if (current) {
        const body: UpdateDetentionRequest = {
          ...place,
          arrestedAt: fromLocalInput(form.arrestedAt),
          notifiedAt: at(form.notifiedAt),
          firstContactAt: at(form.firstContactAt),
          ...(form.releasedAt ? { releasedAt: fromLocalInput(form.releasedAt) } : {}),
        };
        return unwrap(
          api.PATCH('/api/v1/cases/{id}/detentions/{detentionId}', {
            params: {
              path: { id: caseId, detentionId: current.id },
              header: { 'If-Match': current.etag },
            },
            body,
          }),
        );
      }
      const body: RecordDetentionRequest = {
        ...place,
        personId: form.personId,
        arrestedAt: fromLocalInput(form.arrestedAt),
        notifiedAt: at(form.notifiedAt),
        firstContactAt: at(form.firstContactAt),
      };
      return unwrap(
        api.POST('/api/v1/cases/{id}/detentions', {
          params: { path: { id: caseId }, header: { 'Idempotency-Key': idempotencyKey.current } },
          body,
        }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: detentionKeys.ofCase(caseId) });
      void queryClient.invalidateQueries({ queryKey: detentionKeys.queue });
      onSaved();
    },
    onError: (error) => setErrors(submitErrors(error, idOf, t)),
  });

  const submit = () => {
    if (save.isPending) return;
    const missing: SummaryError[] = [];
    if (!form.personId)
      missing.push({ fieldId: 'detention-personId', message: t('dialog.errors.personId') });
    if (!form.arrestedAt)
      missing.push({ fieldId: 'detention-arrestedAt', message: t('dialog.errors.arrestedAt') });
    if (missing.length) return setErrors(missing);
    save.mutate();
  };

  const text = (field: 'facilityName' | 'facilitySubdivisionCode') => (
    <TextField
      id={`detention-${field}`}
      label={t(`dialog.${field}`)}
      value={form[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      error={Boolean(fieldError(`detention-${field}`))}
      helperText={fieldError(`detention-${field}`)}
    />
  );
  const time = (field: Time, required = false) => (
    <TextField
      id={`detention-${field}`}
      type="datetime-local"
      label={t(`dialog.${field}`)}
      value={form[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      required={required}
      slotProps={{ inputLabel: { shrink: true } }}
      error={Boolean(fieldError(`detention-${field}`))}
      helperText={fieldError(`detention-${field}`)}
    />
  );

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="detention-title">
      <DialogTitle id="detention-title">
        {t(current ? 'dialog.updateTitle' : 'dialog.recordTitle')}
      </DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            id="detention-personId"
            label={t('dialog.person')}
            value={form.personId}
            onChange={(e) => set({ personId: e.target.value })}
            required
            disabled={Boolean(current)}
            error={Boolean(fieldError('detention-personId'))}
            helperText={fieldError('detention-personId')}
          >
            {persons.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
              </MenuItem>
            ))}
          </TextField>
          {text('facilityName')}
          {text('facilitySubdivisionCode')}
          {time('arrestedAt', true)}
          {time('notifiedAt')}
          {time('firstContactAt')}
          {current && time('releasedAt')}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('dialog.cancel')}</Button>
        <Button variant="contained" onClick={submit} loading={save.isPending}>
          {t('dialog.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
