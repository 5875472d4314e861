import { Button, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { fieldIds, problemErrors } from '../../directory/common/form-errors';
import { FormTextField } from '../../directory/common/form-fields';
import { QueryState } from '../../directory/common/query-state';
import { SelectField } from '../../directory/common/select-field';
import { useForm } from '../../directory/common/use-form';
import { ErrorSummary } from '../../shell/error-summary';
import { userKey, useUser, type User } from './use-user';

const PREFIX = 'user-edit';
const FIELD_ID = fieldIds(PREFIX, ['displayName', 'locale']);

function EditUserForm({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm(PREFIX, { displayName: user.displayName, locale: user.locale as string });
  const { values, set, idOf, errorOf } = form;
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: { displayName: values.displayName.trim(), locale: values.locale as User['locale'] },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(userKey(user.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      void navigate(`/admin/users/${user.id}`);
    },
    onError: (error) => form.setErrors(problemErrors(error, FIELD_ID, t('common.networkError'))),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.displayName.trim())
      return form.setErrors([
        { fieldId: idOf('displayName'), message: t('users.required.displayName') },
      ]);
    form.setErrors([]);
    save.mutate();
  };

  return (
    <form noValidate onSubmit={submit}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('users.editTitle', { name: user.displayName })}
      </Typography>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <Stack spacing={3} sx={{ maxWidth: 800 }}>
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
          hint={t('users.hints.locale')}
        />
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" loading={save.isPending}>
            {t('users.saveChanges')}
          </Button>
          <Button component={RouterLink} to={`/admin/users/${user.id}`}>
            {t('common.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}

/** Change a user's name and the language the application speaks to them (PATCH /users/{id}). */
export function UserEditPage() {
  const { id } = useParams();
  const user = useUser(id);
  if (!user.data) return <QueryState isPending={user.isPending} error={user.error} />;
  return <EditUserForm key={user.data.id} user={user.data} />;
}
