import { Button, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary, type SummaryError } from '../../shell/error-summary';
import { useMe } from '../../shell/use-me';
import { CodeAutocomplete } from '../common/code-autocomplete';
import { CountrySelect } from '../common/country-select';
import { useDirectoryOptions } from '../common/directory-codes';
import { fieldIds, problemErrors } from '../common/form-errors';
import { FormTextField } from '../common/form-fields';
import { optionalText } from '../common/optional-text';
import { QueryState } from '../common/query-state';
import { SelectField } from '../common/select-field';
import { useSubdivisions } from '../common/use-countries';
import { useForm } from '../common/use-form';
import { useManagedCountries } from '../common/use-managed-countries';
import { consulateKey, useConsulate, type Consulate } from './use-consulate';

type CreateBody = components['schemas']['CreateConsulateRequest'];

const TEXT_FIELDS = [
  'name',
  'city',
  'address',
  'phone',
  'emergencyPhone',
  'email',
  'website',
] as const;
const REQUIRED = [
  'sendingCountryCode',
  'postCode',
  'name',
  'type',
  'hostCountryCode',
  'city',
] as const;
const FIELD_ID = fieldIds('consulate', [...TEXT_FIELDS, ...REQUIRED, 'jurisdiction']);

interface Values {
  sendingCountryCode: string;
  postCode: string;
  name: string;
  type: string;
  hostCountryCode: string;
  city: string;
  jurisdiction: string[];
  address: string;
  phone: string;
  emergencyPhone: string;
  email: string;
  website: string;
}

/** The form's strings: a record's absent optional field is an empty one. */
function initialValues(consulate: Consulate | undefined, defaultCountry: string): Values {
  return {
    sendingCountryCode: consulate?.sendingCountryCode ?? defaultCountry,
    postCode: consulate?.postCode ?? '',
    name: consulate?.name ?? '',
    type: consulate?.type ?? '',
    hostCountryCode: consulate?.hostCountryCode ?? '',
    city: consulate?.city ?? '',
    jurisdiction: consulate?.jurisdiction ?? [],
    address: consulate?.address ?? '',
    phone: consulate?.phone ?? '',
    emergencyPhone: consulate?.emergencyPhone ?? '',
    email: consulate?.email ?? '',
    website: consulate?.website ?? '',
  };
}

function ConsulateForm({ consulate }: { consulate?: Consulate }) {
  const { t } = useTranslation('directory');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const form = useForm('consulate', initialValues(consulate, me.data?.countryCode ?? ''));
  const { values, set, idOf, errorOf } = form;
  const types = useDirectoryOptions('consulateTypes');
  const managed = useManagedCountries();
  const subdivisions = useSubdivisions(values.hostCountryCode || undefined);
  const subdivisionOptions = (subdivisions.data?.items ?? []).map((s) => ({
    code: s.code,
    name: `${s.name} (${s.code})`,
  }));

  const save = useMutation({
    mutationFn: () => {
      const optional = optionalText(
        values,
        ['address', 'phone', 'emergencyPhone', 'email', 'website'],
        Boolean(consulate),
      );
      const fields = {
        name: values.name.trim(),
        type: values.type as CreateBody['type'],
        hostCountryCode: values.hostCountryCode,
        city: values.city.trim(),
        jurisdiction: values.jurisdiction,
        ...optional,
      };
      return consulate
        ? unwrap(
            api.PATCH('/api/v1/consulates/{id}', {
              params: { path: { id: consulate.id } },
              body: fields,
            }),
          )
        : unwrap(
            api.POST('/api/v1/consulates', {
              body: {
                ...fields,
                sendingCountryCode: values.sendingCountryCode,
                postCode: values.postCode.trim().toUpperCase(),
              },
            }),
          );
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(consulateKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['consulates', 'list'] });
      void navigate(`/directory/consulates/${saved.id}`);
    },
    onError: (error) => form.setErrors(problemErrors(error, FIELD_ID, t('common.networkError'))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: SummaryError[] = REQUIRED.filter(
      (key) => !(consulate && (key === 'sendingCountryCode' || key === 'postCode')),
    )
      .filter((key) => !values[key].trim())
      .map((key) => ({ fieldId: idOf(key), message: t(`consulates.required.${key}`) }));
    if (missing.length) return form.setErrors(missing);
    form.setErrors([]);
    save.mutate();
  };

  const text = (key: (typeof TEXT_FIELDS)[number] | 'postCode') => ({
    id: idOf(key),
    label: t(`consulates.fields.${key}`),
    value: values[key],
    onChange: (value: string) => set(key, value),
    error: errorOf(key),
  });

  return (
    <form noValidate onSubmit={submit}>
      <Typography variant="h4" component="h1" gutterBottom>
        {consulate
          ? t('consulates.editTitle', { name: consulate.name })
          : t('consulates.createTitle')}
      </Typography>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <Stack spacing={3} sx={{ maxWidth: 640 }}>
        {consulate ? (
          <Typography>
            {t('consulates.fixedFields', {
              postCode: consulate.postCode,
              country: consulate.sendingCountryCode,
            })}
          </Typography>
        ) : (
          <>
            <CountrySelect
              id={idOf('sendingCountryCode')}
              label={t('consulates.fields.sendingCountryCode')}
              value={values.sendingCountryCode}
              onChange={(code) => set('sendingCountryCode', code)}
              emptyLabel={t('common.choose')}
              membersOnly
              only={managed}
              required
              error={errorOf('sendingCountryCode')}
            />
            <FormTextField {...text('postCode')} required hint={t('consulates.hints.postCode')} />
          </>
        )}
        <FormTextField {...text('name')} required />
        <SelectField
          id={idOf('type')}
          label={t('consulates.fields.type')}
          value={values.type}
          onChange={(value) => set('type', value)}
          options={types}
          emptyLabel={t('common.choose')}
          required
          error={errorOf('type')}
        />
        <CountrySelect
          id={idOf('hostCountryCode')}
          label={t('consulates.fields.hostCountryCode')}
          value={values.hostCountryCode}
          onChange={(code) => {
            set('hostCountryCode', code);
            // A jurisdiction lies in the host country: another country's subdivisions go.
            set(
              'jurisdiction',
              values.jurisdiction.filter((s) => s.startsWith(`${code}-`)),
            );
          }}
          emptyLabel={t('common.choose')}
          required
          error={errorOf('hostCountryCode')}
        />
        <FormTextField {...text('city')} required />
        <CodeAutocomplete
          id={idOf('jurisdiction')}
          label={t('consulates.fields.jurisdiction')}
          options={subdivisionOptions}
          value={values.jurisdiction}
          onChange={(codes) => set('jurisdiction', codes)}
          error={errorOf('jurisdiction')}
          hint={t('consulates.hints.jurisdiction')}
        />
        <FormTextField {...text('address')} multiline minRows={2} />
        <FormTextField {...text('phone')} type="tel" autoComplete="off" />
        <FormTextField {...text('emergencyPhone')} type="tel" autoComplete="off" />
        <FormTextField {...text('email')} type="email" autoComplete="off" />
        <FormTextField {...text('website')} type="url" hint={t('consulates.hints.website')} />
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" loading={save.isPending}>
            {consulate ? t('common.saveChanges') : t('consulates.create')}
          </Button>
          <Button
            component={RouterLink}
            to={consulate ? `/directory/consulates/${consulate.id}` : '/directory/consulates'}
          >
            {t('common.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

/** Create a consular post, or edit one (its sending country and post code never change). */
export function ConsulateFormPage() {
  const { id } = useParams();
  const consulate = useConsulate(id);
  const me = useMe();
  if (id && !consulate.data)
    return <QueryState isPending={consulate.isPending} error={consulate.error} />;
  if (!me.data) return <QueryState isPending={me.isPending} error={me.error} />;
  return <ConsulateForm key={id ?? 'new'} consulate={consulate.data} />;
}
