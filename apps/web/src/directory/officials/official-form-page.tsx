import { Button, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorSummary, type SummaryError } from '../../shell/error-summary';
import { CheckboxGroup } from '../common/checkbox-group';
import { useDirectoryOptions } from '../common/directory-codes';
import { fieldIds, problemErrors } from '../common/form-errors';
import { FormTextField } from '../common/form-fields';
import { optionalText } from '../common/optional-text';
import { QueryState } from '../common/query-state';
import { SelectField } from '../common/select-field';
import { useForm } from '../common/use-form';
import { useManagedCountries } from '../common/use-managed-countries';
import { useConsulateOptions } from '../consulates/use-consulate-options';
import { officialKey, useOfficial, type Official } from './use-official';

type Topic = components['schemas']['OfficialResponse']['topics'][number];

interface Values {
  consulateId: string;
  name: string;
  title: string;
  accreditedFrom: string;
  accreditedTo: string;
  topics: Topic[];
  workEmail: string;
  workPhone: string;
}

const REQUIRED = ['consulateId', 'name', 'title', 'accreditedFrom'] as const;
const FIELD_ID = fieldIds('official', [
  ...REQUIRED,
  'accreditedTo',
  'topics',
  'workEmail',
  'workPhone',
]);

function OfficialForm({ official }: { official?: Official }) {
  const { t } = useTranslation('directory');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const topics = useDirectoryOptions('topics');
  const managed = useManagedCountries();
  const posts = useConsulateOptions(t('common.inactive'), managed);
  const form = useForm<Values>('official', {
    consulateId: official?.consulateId ?? '',
    name: official?.name ?? '',
    title: official?.title ?? '',
    accreditedFrom: official?.accreditedFrom ?? '',
    accreditedTo: official?.accreditedTo ?? '',
    topics: official?.topics ?? [],
    workEmail: official?.workEmail ?? '',
    workPhone: official?.workPhone ?? '',
  });
  const { values, set, idOf, errorOf } = form;

  const save = useMutation({
    mutationFn: () => {
      const fields = {
        name: values.name.trim(),
        title: values.title.trim(),
        accreditedFrom: values.accreditedFrom,
        // An emptied end date means the accreditation has no end: null clears it.
        accreditedTo: values.accreditedTo || null,
        topics: values.topics,
        ...optionalText(values, ['workEmail', 'workPhone'], Boolean(official)),
      };
      return official
        ? unwrap(
            api.PATCH('/api/v1/officials/{id}', {
              params: { path: { id: official.id } },
              body: fields,
            }),
          )
        : unwrap(
            api.POST('/api/v1/officials', { body: { ...fields, consulateId: values.consulateId } }),
          );
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(officialKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['officials', 'list'] });
      void navigate(`/directory/officials/${saved.id}`);
    },
    onError: (error) => form.setErrors(problemErrors(error, FIELD_ID, t('common.networkError'))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: SummaryError[] = REQUIRED.filter((key) => !(official && key === 'consulateId'))
      .filter((key) => !values[key].trim())
      .map((key) => ({ fieldId: idOf(key), message: t(`officials.required.${key}`) }));
    if (missing.length) return form.setErrors(missing);
    form.setErrors([]);
    save.mutate();
  };

  const text = (key: 'name' | 'title' | 'workEmail' | 'workPhone') => ({
    id: idOf(key),
    label: t(`officials.fields.${key}`),
    value: values[key],
    onChange: (value: string) => set(key, value),
    error: errorOf(key),
  });
  const date = (key: 'accreditedFrom' | 'accreditedTo') => ({
    ...{ id: idOf(key), label: t(`officials.fields.${key}`), error: errorOf(key) },
    type: 'date',
    value: values[key],
    onChange: (value: string) => set(key, value),
    slotProps: { inputLabel: { shrink: true } },
  });

  return (
    <form noValidate onSubmit={submit}>
      <Typography variant="h4" component="h1" gutterBottom>
        {official ? t('officials.editTitle', { name: official.name }) : t('officials.createTitle')}
      </Typography>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <Stack spacing={3} sx={{ maxWidth: 640 }}>
        {official ? (
          <Typography>{t('officials.fixedPost', { name: official.consulateName })}</Typography>
        ) : (
          <SelectField
            id={idOf('consulateId')}
            label={t('officials.fields.consulateId')}
            value={values.consulateId}
            onChange={(value) => set('consulateId', value)}
            options={posts.options}
            emptyLabel={t('common.choose')}
            required
            error={errorOf('consulateId')}
            hint={managed ? t('officials.hints.consulateId') : undefined}
          />
        )}
        <FormTextField {...text('name')} required />
        <FormTextField {...text('title')} required hint={t('officials.hints.title')} />
        <FormTextField {...date('accreditedFrom')} required />
        <FormTextField {...date('accreditedTo')} hint={t('officials.hints.accreditedTo')} />
        <CheckboxGroup
          id={idOf('topics')}
          legend={t('officials.fields.topics')}
          options={topics}
          value={values.topics}
          onChange={(next) => set('topics', next as Topic[])}
          error={errorOf('topics')}
        />
        <FormTextField {...text('workEmail')} type="email" autoComplete="off" />
        <FormTextField {...text('workPhone')} type="tel" autoComplete="off" />
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" loading={save.isPending}>
            {official ? t('common.saveChanges') : t('officials.create')}
          </Button>
          <Button
            component={RouterLink}
            to={official ? `/directory/officials/${official.id}` : '/directory/officials'}
          >
            {t('common.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

/** Add an accredited official at a post, or edit one (the post never changes). */
export function OfficialFormPage() {
  const { id } = useParams();
  const official = useOfficial(id);
  if (id && !official.data)
    return <QueryState isPending={official.isPending} error={official.error} />;
  return <OfficialForm key={id ?? 'new'} official={official.data} />;
}
