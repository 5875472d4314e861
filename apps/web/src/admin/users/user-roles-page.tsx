import { Button, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../directory/common/confirm-dialog';
import { problemErrors } from '../../directory/common/form-errors';
import { QueryState } from '../../directory/common/query-state';
import { useForm } from '../../directory/common/use-form';
import { ErrorSummary } from '../../shell/error-summary';
import {
  GrantsEditor,
  grantDraftOf,
  missingGrantParts,
  toGrantRequests,
  userFieldId,
  type GrantDraft,
} from './grants-editor';
import { userKey, useUser, type User } from './use-user';

const PREFIX = 'roles';
const FIELD_ID = userFieldId(PREFIX, []);

function RolesForm({ user }: { user: User }) {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<{ grants: GrantDraft[] }>(PREFIX, {
    grants: user.grants.map(grantDraftOf),
  });
  const replace = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/users/{id}/grants', {
          params: { path: { id: user.id } },
          body: { grants: toGrantRequests(form.values.grants) },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(userKey(user.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
      void navigate(`/admin/users/${user.id}`);
    },
    onError: (error) => {
      setConfirming(false);
      form.setErrors(problemErrors(error, FIELD_ID, t('common.networkError')));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = missingGrantParts(PREFIX, form.values.grants, (key, row) =>
      t(`grants.required.${key}`, { number: row }),
    );
    if (missing.length) return form.setErrors(missing);
    form.setErrors([]);
    setConfirming(true);
  };

  return (
    <form noValidate onSubmit={submit}>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('roles.title', { name: user.displayName })}
      </Typography>
      <ErrorSummary ref={form.summaryRef} errors={form.errors} />
      <Stack spacing={3} sx={{ maxWidth: 800 }}>
        <GrantsEditor
          prefix={PREFIX}
          value={form.values.grants}
          onChange={(grants) => form.set('grants', grants)}
          errorOf={form.fieldError}
        />
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained">
            {t('roles.save')}
          </Button>
          <Button component={RouterLink} to={`/admin/users/${user.id}`}>
            {t('common.cancel')}
          </Button>
        </Stack>
      </Stack>
      <ConfirmDialog
        open={confirming}
        title={t('roles.confirmTitle', { name: user.displayName })}
        description={t('roles.confirmText')}
        confirmLabel={t('roles.save')}
        busy={replace.isPending}
        onConfirm={() => replace.mutate()}
        onClose={() => setConfirming(false)}
      />
    </form>
  );
}

/** Replace a user's roles; the API ends their sessions so the new roles apply at once. */
export function UserRolesPage() {
  const { id } = useParams();
  const user = useUser(id);
  if (!user.data) return <QueryState isPending={user.isPending} error={user.error} />;
  return <RolesForm key={user.data.id} user={user.data} />;
}
