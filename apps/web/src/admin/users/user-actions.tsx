import { Button, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ConfirmDialog } from '../../directory/common/confirm-dialog';
import { userKey, type User } from './use-user';

type Activation = components['schemas']['ActivationResponse'];
type Action = 'disable' | 'enable' | 'passwordReset' | 'mfaReset';

const MIN_REASON = 10;

/**
 * What an administrator may do to an account, each behind a confirmation naming it: disable or
 * enable, reset the password (a one-time link, handed to `onResetLink`), reset two-step
 * verification (with the reason and how the identity was checked), change the roles.
 */
export function UserActions({
  user,
  onResetLink,
}: {
  user: User;
  onResetLink(activation: Activation): void;
}) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  // The action stays set while the dialog closes, so its texts do not vanish mid-transition.
  const [action, setAction] = useState<Action>('disable');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const path = { params: { path: { id: user.id } } };

  const run = useMutation({
    mutationFn: async (action: Action): Promise<User | Activation> => {
      switch (action) {
        case 'disable':
          return unwrap(api.POST('/api/v1/users/{id}/disable', path));
        case 'enable':
          return unwrap(api.POST('/api/v1/users/{id}/enable', path));
        case 'passwordReset':
          return unwrap(api.POST('/api/v1/users/{id}/password-reset', path));
        case 'mfaReset':
          return unwrap(
            api.POST('/api/v1/users/{id}/mfa/reset', { ...path, body: { reason: reason.trim() } }),
          );
      }
    },
    onSuccess: (result, done) => {
      setOpen(false);
      if (done === 'passwordReset') {
        onResetLink(result as Activation);
        void queryClient.invalidateQueries({ queryKey: userKey(user.id) });
      } else {
        queryClient.setQueryData(userKey(user.id), result as User);
      }
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });

  const start = (next: Action) => {
    run.reset();
    setReason('');
    setReasonError(undefined);
    setAction(next);
    setOpen(true);
  };
  const confirm = () => {
    if (action === 'mfaReset' && reason.trim().length < MIN_REASON)
      return setReasonError(t('actions.mfaReset.reasonTooShort', { min: MIN_REASON }));
    run.mutate(action);
  };
  const toggle: Action = user.status === 'active' ? 'disable' : 'enable';

  return (
    <>
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
        <Button component={RouterLink} to={`/admin/users/${user.id}/roles`} variant="contained">
          {t('actions.roles')}
        </Button>
        <Button variant="outlined" onClick={() => start('passwordReset')}>
          {t('actions.passwordReset.button')}
        </Button>
        {user.mfaEnabled && (
          <Button variant="outlined" onClick={() => start('mfaReset')}>
            {t('actions.mfaReset.button')}
          </Button>
        )}
        <Button
          variant="outlined"
          color={toggle === 'disable' ? 'error' : 'primary'}
          onClick={() => start(toggle)}
        >
          {t(`actions.${toggle}.button`)}
        </Button>
      </Stack>
      <ConfirmDialog
        open={open}
        title={t(`actions.${action}.title`, { name: user.displayName })}
        description={t(`actions.${action}.text`)}
        confirmLabel={t(`actions.${action}.confirm`)}
        destructive={action !== 'enable'}
        busy={run.isPending}
        error={run.error ?? undefined}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        {action === 'mfaReset' && (
          <TextField
            id="mfa-reset-reason"
            label={t('actions.mfaReset.reason')}
            helperText={reasonError ?? t('actions.mfaReset.reasonHint')}
            error={Boolean(reasonError)}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            multiline
            minRows={2}
            fullWidth
            required
            slotProps={{ htmlInput: { maxLength: 500 } }}
            sx={{ mb: 2 }}
          />
        )}
      </ConfirmDialog>
    </>
  );
}
