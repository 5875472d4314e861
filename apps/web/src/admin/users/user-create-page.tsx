import { Button, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { CountrySelect } from '../../directory/common/country-select';
import { problemErrors } from '../../directory/common/form-errors';
import { FormTextField } from '../../directory/common/form-fields';
import { QueryState } from '../../directory/common/query-state';
import { SelectField } from '../../directory/common/select-field';
import { useForm } from '../../directory/common/use-form';
import { useManagedCountries } from '../../directory/common/use-managed-countries';
import { ErrorSummary, type SummaryError } from '../../shell/error-summary';
import { useMe } from '../../shell/use-me';
import {
  GrantsEditor,
  missingGrantParts,
  toGrantRequests,
  userFieldId,
  type GrantDraft,
} from './grants-editor';
import { OneTimeLink } from './one-time-link';
import { userKey } from './use-user';

const PREFIX = 'user';
const FIELD_ID = userFieldId(PREFIX, ['email', 'displayName', 'locale', 'countryCode']);

interface Values {
  email: string;
  displayName: string;
  locale: string;
  countryCode: string;
  grants: GrantDraft[];
}

function CreateUserForm({ defaultCountry }: { defaultCountry: string }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const form = useForm<Values>(PREFIX, {
    email: '',
    displayName: '',
    locale: 'es',
    countryCode: defaultCountry,
    grants: [],
  });
  const { values, set, idOf, errorOf } = form;
  const managed = useManagedCountries();
  // The token lives in this mutation's state only: leaving the page forgets it for good.
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/users', {
          body: {
            email: values.email.trim(),
            displayName: values.displayName.trim(),
            locale: values.locale as 'es' | 'en',
            ...(values.countryCode && { countryCode: values.countryCode }),
            grants: toGrantRequests(values.grants),
          },
        }),
      ),
    onSuccess: (created) => {
      queryClient.setQueryData(userKey(created.user.id), created.user);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
    onError: (error) => form.setErrors(problemErrors(error, FIELD_ID, t('common.networkError'))),
  });

  if (create.data) {
    const { user, activationToken, activationExpiresAt } = create.data;
    return (
      <Stack spacing={3}>
        <Typography variant="h4" component="h1">
          {t('users.created', { name: user.displayName })}
        </Typography>
        <OneTimeLink
          token={activationToken}
          expiresAt={activationExpiresAt}
          userName={user.displayName}
          kind="activation"
        />
        <Button
          component={RouterLink}
          to={`/admin/users/${user.id}`}
          variant="outlined"
          sx={{ alignSelf: 'start' }}
        >
          {t('users.openUser', { name: user.displayName })}
        </Button>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: SummaryError[] = [];
    if (!values.email.trim())
      missing.push({ fieldId: idOf('email'), message: t('users.required.email') });
    if (!values.displayName.trim())
      missing.push({ fieldId: idOf('displayName'), message: t('users.required.displayName') });
    missing.push(
      ...missingGrantParts(PREFIX, values.grants, (key, row) =>
        t(`grants.required.${key}`, { number: row }),
      ),
    );
    if (missing.length) return form.setErrors(missing);
    form.setErrors([]);
    create.mutate();
  };

  return (
    <form noValidate onSubmit={submit}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('users.createTitle')}
      </Typography>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <Stack spacing={3} sx={{ maxWidth: 800 }}>
        <FormTextField
          id={idOf('email')}
          label={t('users.fields.email')}
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(value) => set('email', value)}
          error={errorOf('email')}
          required
        />
        <FormTextField
          id={idOf('displayName')}
          label={t('users.fields.displayName')}
          autoComplete="off"
          value={values.displayName}
          onChange={(value) => set('displayName', value)}
          error={errorOf('displayName')}
          required
        />
        <SelectField
          id={idOf('locale')}
          label={t('users.fields.locale')}
          value={values.locale}
          onChange={(value) => set('locale', value)}
          options={[
            { value: 'es', label: t('users.locales.es') },
            { value: 'en', label: t('users.locales.en') },
          ]}
          error={errorOf('locale')}
        />
        <CountrySelect
          id={idOf('countryCode')}
          label={t('users.fields.countryCode')}
          value={values.countryCode}
          onChange={(code) => set('countryCode', code)}
          emptyLabel={managed ? undefined : t('users.noCountry')}
          membersOnly
          only={managed}
          error={errorOf('countryCode')}
          hint={t('users.hints.countryCode')}
        />
        <GrantsEditor
          prefix={PREFIX}
          value={values.grants}
          onChange={(grants) => set('grants', grants)}
          errorOf={form.fieldError}
        />
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" loading={create.isPending}>
            {t('users.create')}
          </Button>
          <Button component={RouterLink} to="/admin/users">
            {t('common.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

/** Create an account: the API answers an activation token, shown here once as a link. */
export function UserCreatePage() {
  const me = useMe();
  if (!me.data) return <QueryState isPending={me.isPending} error={me.error} />;
  return <CreateUserForm defaultCountry={me.data.countryCode ?? ''} />;
}
