import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { useCodeLists } from '../../codes/use-code-lists';
import { ErrorSummary, type SummaryError } from '../../shell/error-summary';
import type { Language } from '../../shell/i18n';
import { useErrorSummary } from '../../shell/sign-in/use-error-summary';
import { caseKeys } from '../case-queries';
import { submitErrors } from '../submit-errors';
import { fromLocalInput, toLocalInput } from './local-time';

type ActionRequest = components['schemas']['ConsularActionRequest'];
export type ConsularAction = components['schemas']['ConsularActionResponse'];

interface ActionForm {
  type: ActionRequest['type'] | '';
  occurredAt: string;
  place: string;
  placeType: NonNullable<ActionRequest['placeType']> | '';
  outcome: string;
  notes: string;
  nextStep: string;
  nextStepDue: string;
}

const FIELDS = [
  'type',
  'occurredAt',
  'place',
  'placeType',
  'outcome',
  'notes',
  'nextStep',
  'nextStepDue',
];

function formOf(action: ConsularAction | undefined): ActionForm {
  return {
    type: action?.type ?? '',
    occurredAt: action ? toLocalInput(action.occurredAt) : '',
    place: action?.place ?? '',
    placeType: (action?.placeType as ActionForm['placeType']) ?? '',
    outcome: action?.outcome ?? '',
    notes: action?.notes ?? '',
    // The action does not keep the step it set: a correction moves the case's step only if given.
    nextStep: '',
    nextStepDue: action?.nextStepDue ?? '',
  };
}

function bodyOf(form: ActionForm): ActionRequest {
  return {
    type: form.type as ActionRequest['type'],
    occurredAt: fromLocalInput(form.occurredAt),
    ...(form.place.trim() ? { place: form.place.trim() } : {}),
    ...(form.placeType ? { placeType: form.placeType } : {}),
    ...(form.outcome.trim() ? { outcome: form.outcome.trim() } : {}),
    ...(form.notes.trim() ? { notes: form.notes.trim() } : {}),
    ...(form.nextStep.trim() ? { nextStep: form.nextStep.trim() } : {}),
    ...(form.nextStepDue ? { nextStepDue: form.nextStepDue } : {}),
  };
}

/**
 * Recording a consular action, or correcting one (`corrects`): a correction is a new entry that
 * points at the original, prefilled with it. One entry per dialog, even on a retry (Idempotency-Key).
 */
export function ActionDialog({
  caseId,
  corrects,
  onClose,
  onSaved,
}: {
  caseId: string;
  corrects?: ConsularAction;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, i18n } = useTranslation('cases');
  const language = i18n.language as Language;
  const codes = useCodeLists().data;
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => formOf(corrects));
  const set = (patch: Partial<ActionForm>) => setForm((f) => ({ ...f, ...patch }));
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());
  const idOf = (field: string) => (FIELDS.includes(field) ? `action-${field}` : undefined);

  const save = useMutation({
    mutationFn: (body: ActionRequest) => {
      const header = { 'Idempotency-Key': idempotencyKey.current };
      return unwrap(
        corrects
          ? api.POST('/api/v1/cases/{id}/actions/{actionId}/corrections', {
              params: { path: { id: caseId, actionId: corrects.id }, header },
              body,
            })
          : api.POST('/api/v1/cases/{id}/actions', {
              params: { path: { id: caseId }, header },
              body,
            }),
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
      onSaved();
    },
    onError: (error) => setErrors(submitErrors(error, idOf, t)),
  });

  const submit = () => {
    if (save.isPending) return;
    const missing: SummaryError[] = [];
    if (!form.type) missing.push({ fieldId: 'action-type', message: t('actions.errors.type') });
    if (!form.occurredAt)
      missing.push({ fieldId: 'action-occurredAt', message: t('actions.errors.occurredAt') });
    if (missing.length) return setErrors(missing);
    save.mutate(bodyOf(form));
  };

  const text = (field: 'place' | 'outcome' | 'notes' | 'nextStep', multiline = false) => (
    <TextField
      id={`action-${field}`}
      label={t(`actions.${field}`)}
      value={form[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      multiline={multiline}
      minRows={multiline ? 2 : undefined}
      error={Boolean(fieldError(`action-${field}`))}
      helperText={fieldError(`action-${field}`)}
    />
  );

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="action-title">
      <DialogTitle id="action-title">
        {t(corrects ? 'actions.correctTitle' : 'actions.addTitle')}
      </DialogTitle>
      <DialogContent>
        <ErrorSummary ref={summaryRef} errors={errors} />
        {corrects && <Typography sx={{ mb: 2 }}>{t('actions.correctIntro')}</Typography>}
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            id="action-type"
            label={t('actions.type')}
            value={form.type}
            onChange={(e) => set({ type: e.target.value as ActionForm['type'] })}
            required
            error={Boolean(fieldError('action-type'))}
            helperText={fieldError('action-type')}
          >
            {(codes?.actionTypes ?? []).map((code) => (
              <MenuItem key={code.code} value={code.code}>
                {code.label[language]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            id="action-occurredAt"
            type="datetime-local"
            label={t('actions.occurredAt')}
            value={form.occurredAt}
            onChange={(e) => set({ occurredAt: e.target.value })}
            required
            slotProps={{ inputLabel: { shrink: true } }}
            error={Boolean(fieldError('action-occurredAt'))}
            helperText={fieldError('action-occurredAt')}
          />
          {text('place')}
          <TextField
            select
            id="action-placeType"
            label={t('actions.placeType')}
            value={form.placeType}
            onChange={(e) => set({ placeType: e.target.value as ActionForm['placeType'] })}
            error={Boolean(fieldError('action-placeType'))}
            helperText={fieldError('action-placeType')}
          >
            <MenuItem value="">{t('common.none')}</MenuItem>
            {(codes?.placeTypes ?? []).map((code) => (
              <MenuItem key={code.code} value={code.code}>
                {code.label[language]}
              </MenuItem>
            ))}
          </TextField>
          {text('outcome', true)}
          {text('notes', true)}
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('actions.nextStepHint')}
          </Typography>
          {text('nextStep')}
          <TextField
            id="action-nextStepDue"
            type="date"
            label={t('actions.nextStepDue')}
            value={form.nextStepDue}
            onChange={(e) => set({ nextStepDue: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            error={Boolean(fieldError('action-nextStepDue'))}
            helperText={fieldError('action-nextStepDue')}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={submit} loading={save.isPending}>
          {t(corrects ? 'actions.submitCorrection' : 'actions.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
