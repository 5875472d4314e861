import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { submitErrors } from '../cases/submit-errors';
import { CountrySelect } from '../directory/common/country-select';
import { SelectField } from '../directory/common/select-field';
import { ErrorSummary, type SummaryError } from '../shell/error-summary';
import { useErrorSummary } from '../shell/sign-in/use-error-summary';
import { useMe } from '../shell/use-me';
import { instant } from './local-time';
import { RETURN_MODES, returnKeys, useOrganisationsAt, type ReturnMode } from './return-queries';

const FIELDS = {
  mode: 'plan-mode',
  plannedDepartureAt: 'plan-departure',
  plannedArrivalAt: 'plan-arrival',
  fromCountryCode: 'plan-from-country',
  fromPlace: 'plan-from-place',
  toSubdivisionCode: 'plan-to-subdivision',
  toPlace: 'plan-to-place',
  receivingInstitutionId: 'plan-institution',
  notes: 'plan-notes',
} as const;
type Field = keyof typeof FIELDS;
const REQUIRED: Field[] = ['mode', 'plannedDepartureAt', 'fromCountryCode', 'fromPlace', 'toPlace'];

/** `/returns/new`: plan a return movement organised by the caller's post. */
export function PlanReturnPage() {
  const { t } = useTranslation('returns');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const post = useMe().data?.grants.find((g) => g.role === 'officer' || g.role === 'consul');
  const origin = post?.countryCode ?? '';
  const institutions = useOrganisationsAt(origin);
  const [values, setValues] = useState<Record<Field, string>>({
    mode: '',
    plannedDepartureAt: '',
    plannedArrivalAt: '',
    fromCountryCode: '',
    fromPlace: '',
    toSubdivisionCode: '',
    toPlace: '',
    receivingInstitutionId: '',
    notes: '',
  });
  const { errors, setErrors, summaryRef, fieldError } = useErrorSummary();
  const idempotencyKey = useRef(crypto.randomUUID());
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const plan = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/return-movements', {
          params: { header: { 'Idempotency-Key': idempotencyKey.current } },
          body: {
            consulateId: post?.consulateId ?? undefined,
            mode: values.mode as ReturnMode,
            plannedDepartureAt: instant(values.plannedDepartureAt)!,
            plannedArrivalAt: instant(values.plannedArrivalAt) ?? null,
            fromCountryCode: values.fromCountryCode,
            fromPlace: values.fromPlace,
            toSubdivisionCode: values.toSubdivisionCode.trim().toUpperCase() || null,
            toPlace: values.toPlace,
            receivingInstitutionId: values.receivingInstitutionId || null,
            notes: values.notes || null,
          },
        }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: returnKeys.all });
      void navigate(`/returns/${created.id}`);
    },
    onError: (error) => setErrors(submitErrors(error, (field) => FIELDS[field as Field], t)),
  });
  const text = (field: Field, extra: object = {}) => (
    <TextField
      id={FIELDS[field]}
      label={t(`form.${field}`)}
      value={values[field]}
      onChange={(e) => set(field)(e.target.value)}
      required={REQUIRED.includes(field)}
      error={Boolean(fieldError(FIELDS[field]))}
      helperText={fieldError(FIELDS[field])}
      {...extra}
    />
  );
  return (
    <Box
      component="form"
      noValidate
      sx={{ maxWidth: 720 }}
      onSubmit={(event) => {
        event.preventDefault();
        if (plan.isPending) return;
        const missing: SummaryError[] = REQUIRED.filter((f) => !values[f].trim()).map((f) => ({
          fieldId: FIELDS[f],
          message: t(`form.errors.${f as 'mode'}`),
        }));
        if (missing.length) return setErrors(missing);
        plan.mutate();
      }}
    >
      <Typography variant="h4" component="h1" gutterBottom>
        {t('form.title')}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('form.intro')}</Typography>
      <ErrorSummary ref={summaryRef} errors={errors} />
      <Stack spacing={2}>
        <SelectField
          id={FIELDS.mode}
          label={t('form.mode')}
          value={values.mode}
          onChange={set('mode')}
          emptyLabel=" "
          required
          error={fieldError(FIELDS.mode)}
          options={RETURN_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
        />
        {text('plannedDepartureAt', {
          type: 'datetime-local',
          slotProps: { inputLabel: { shrink: true } },
        })}
        {text('plannedArrivalAt', {
          type: 'datetime-local',
          slotProps: { inputLabel: { shrink: true } },
        })}
        <CountrySelect
          id={FIELDS.fromCountryCode}
          label={t('form.fromCountryCode')}
          value={values.fromCountryCode}
          onChange={set('fromCountryCode')}
          emptyLabel=" "
          required
          error={fieldError(FIELDS.fromCountryCode)}
        />
        {text('fromPlace')}
        {text('toSubdivisionCode')}
        {text('toPlace')}
        <SelectField
          id={FIELDS.receivingInstitutionId}
          label={t('form.receivingInstitutionId')}
          value={values.receivingInstitutionId}
          onChange={set('receivingInstitutionId')}
          emptyLabel={t('form.noInstitution')}
          error={fieldError(FIELDS.receivingInstitutionId)}
          options={(institutions.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
        {text('notes', { multiline: true, minRows: 2 })}
        <Box>
          <Button type="submit" variant="contained" loading={plan.isPending}>
            {t('form.submit')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
