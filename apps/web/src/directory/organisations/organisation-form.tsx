import { Button, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { components } from '../../api/schema';
import { ErrorSummary, type SummaryError } from '../../shell/error-summary';
import { useMe } from '../../shell/use-me';
import { CheckboxGroup } from '../common/checkbox-group';
import { CodeAutocomplete } from '../common/code-autocomplete';
import { CountrySelect } from '../common/country-select';
import { useDirectoryOptions } from '../common/directory-codes';
import { fieldIds, problemErrors } from '../common/form-errors';
import { FormTextField } from '../common/form-fields';
import { optionalText } from '../common/optional-text';
import { SelectField } from '../common/select-field';
import { useCountryOptions, useSubdivisionOptions } from '../common/use-countries';
import { useForm } from '../common/use-form';
import { useManagedCountries } from '../common/use-managed-countries';
import { parseLanguages } from './languages';
import type { Organisation } from './use-organisation';

type Body = components['schemas']['CreateOrganisationRequest'];
type UpdateBody = components['schemas']['UpdateOrganisationRequest'];

interface Values {
  name: string;
  acronym: string;
  type: string;
  description: string;
  services: Body['services'];
  coverageCountries: string[];
  coverageSubdivisions: string[];
  languages: string;
  email: string;
  phone: string;
  website: string;
  address: string;
  managedByCountryCode: string;
}

const OPTIONAL_TEXT = ['acronym', 'description', 'email', 'phone', 'website', 'address'] as const;
const FIELD_ID = fieldIds('organisation', [
  'name',
  'type',
  'services',
  'coverageCountries',
  'coverageSubdivisions',
  'languages',
  'managedByCountryCode',
  ...OPTIONAL_TEXT,
]);

/** What the form sends: every field of an update but the state, which the form does not show. */
export type OrganisationFields = Omit<UpdateBody, 'active'> &
  Pick<Body, 'name' | 'type' | 'services' | 'coverageCountries'>;

interface OrganisationFormProps {
  /** The record to edit; none: a new one, with the country that will manage it. */
  organisation?: Organisation;
  heading: string;
  /** Sends the fields (a new record also its managing country, '' for the default). */
  save(fields: OrganisationFields, managedByCountryCode: string): Promise<Organisation>;
  /** After the API accepted it: keep the answer and go where the record is shown. */
  onSaved(saved: Organisation): void;
  cancelTo: string;
}

/**
 * A referral organisation's fields, with the error summary and the API's field errors: the
 * directory's add and edit screens, and an organisation's focal point's edit of their own.
 */
export function OrganisationForm({
  organisation,
  heading,
  save: send,
  onSaved,
  cancelTo,
}: OrganisationFormProps) {
  const { t } = useTranslation('directory');
  const me = useMe();
  const services = useDirectoryOptions('services');
  const types = useDirectoryOptions('organisationTypes');
  const countries = useCountryOptions();
  const managed = useManagedCountries();
  const form = useForm<Values>('organisation', {
    name: organisation?.name ?? '',
    acronym: organisation?.acronym ?? '',
    type: organisation?.type ?? '',
    description: organisation?.description ?? '',
    services: organisation?.services ?? [],
    coverageCountries: organisation?.coverageCountries ?? [],
    coverageSubdivisions: organisation?.coverageSubdivisions ?? [],
    languages: organisation?.languages.join(', ') ?? '',
    email: organisation?.email ?? '',
    phone: organisation?.phone ?? '',
    website: organisation?.website ?? '',
    address: organisation?.address ?? '',
    managedByCountryCode: organisation ? '' : (me.data?.countryCode ?? ''),
  });
  const { values, set, idOf, errorOf } = form;
  const subdivisions = useSubdivisionOptions(values.coverageCountries);

  const save = useMutation({
    mutationFn: () => {
      const optional = optionalText(values, OPTIONAL_TEXT, Boolean(organisation));
      const fields = {
        name: values.name.trim(),
        type: values.type as Body['type'],
        services: values.services,
        coverageCountries: values.coverageCountries,
        coverageSubdivisions: values.coverageSubdivisions,
        languages: parseLanguages(values.languages),
        ...optional,
      } satisfies OrganisationFields;
      return send(fields, values.managedByCountryCode);
    },
    onSuccess: onSaved,
    onError: (error) => form.setErrors(problemErrors(error, FIELD_ID, t('common.networkError'))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: SummaryError[] = [];
    const require = (key: keyof Values & string, empty: boolean) => {
      if (empty) missing.push({ fieldId: idOf(key), message: t(`organisations.required.${key}`) });
    };
    require('name', !values.name.trim());
    require('type', !values.type);
    require('services', values.services.length === 0);
    require('coverageCountries', values.coverageCountries.length === 0);
    if (missing.length) return form.setErrors(missing);
    form.setErrors([]);
    save.mutate();
  };

  const text = (key: (typeof OPTIONAL_TEXT)[number] | 'name' | 'languages') => ({
    id: idOf(key),
    label: t(`organisations.fields.${key}`),
    value: values[key],
    onChange: (value: string) => set(key, value),
    error: errorOf(key),
  });

  return (
    <form noValidate onSubmit={submit}>
      <Typography variant="h4" component="h1" gutterBottom>
        {heading}
      </Typography>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <Stack spacing={3} sx={{ maxWidth: 720 }}>
        <FormTextField {...text('name')} required />
        <FormTextField {...text('acronym')} />
        <SelectField
          id={idOf('type')}
          label={t('organisations.fields.type')}
          value={values.type}
          onChange={(value) => set('type', value)}
          options={types}
          emptyLabel={t('common.choose')}
          required
          error={errorOf('type')}
        />
        <FormTextField {...text('description')} multiline minRows={3} />
        <CheckboxGroup
          id={idOf('services')}
          legend={t('organisations.fields.services')}
          options={services}
          value={values.services}
          onChange={(next) => set('services', next as Body['services'])}
          required
          error={errorOf('services')}
        />
        <CodeAutocomplete
          id={idOf('coverageCountries')}
          label={t('organisations.fields.coverageCountries')}
          options={countries}
          value={values.coverageCountries}
          onChange={(codes) => {
            set('coverageCountries', codes);
            // A subdivision of a country no longer covered would be refused: it goes with it.
            set(
              'coverageSubdivisions',
              values.coverageSubdivisions.filter((s) => codes.includes(s.slice(0, 2))),
            );
          }}
          required
          error={errorOf('coverageCountries')}
        />
        <CodeAutocomplete
          id={idOf('coverageSubdivisions')}
          label={t('organisations.fields.coverageSubdivisions')}
          options={subdivisions}
          value={values.coverageSubdivisions}
          onChange={(codes) => set('coverageSubdivisions', codes)}
          error={errorOf('coverageSubdivisions')}
          hint={t('organisations.hints.coverageSubdivisions')}
        />
        <FormTextField {...text('languages')} hint={t('organisations.hints.languages')} />
        <FormTextField {...text('email')} type="email" autoComplete="off" />
        <FormTextField {...text('phone')} type="tel" autoComplete="off" />
        <FormTextField {...text('website')} type="url" hint={t('consulates.hints.website')} />
        <FormTextField {...text('address')} multiline minRows={2} />
        {!organisation && (
          <CountrySelect
            id={idOf('managedByCountryCode')}
            label={t('organisations.fields.managedByCountryCode')}
            value={values.managedByCountryCode}
            onChange={(code) => set('managedByCountryCode', code)}
            emptyLabel={managed ? undefined : t('organisations.noManagingCountry')}
            membersOnly
            only={managed}
            error={errorOf('managedByCountryCode')}
            hint={t('organisations.hints.managedByCountryCode')}
          />
        )}
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" loading={save.isPending}>
            {organisation ? t('common.saveChanges') : t('organisations.create')}
          </Button>
          <Button component={RouterLink} to={cancelTo}>
            {t('common.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
