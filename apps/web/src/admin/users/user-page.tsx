import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import type { components } from '../../api/schema';
import { DetailList } from '../../directory/common/detail-list';
import { QueryState } from '../../directory/common/query-state';
import { useCountryName } from '../../directory/common/use-countries';
import { useFormat } from '../../shell/format';
import { useHasPermission, useMe } from '../../shell/use-me';
import { useGrantScope } from './grant-scope';
import { OneTimeLink } from './one-time-link';
import { useRoleLabel } from './roles';
import { UserActions } from './user-actions';
import { useUser } from './use-user';

type Activation = components['schemas']['ActivationResponse'];

/** A user's account, roles and state, and what an administrator may do to it. */
export function UserPage() {
  const { t } = useTranslation('admin');
  const { id } = useParams();
  const user = useUser(id);
  const me = useMe();
  const mayManage = useHasPermission('users:manage');
  const roleLabel = useRoleLabel();
  const grantScope = useGrantScope();
  const countryName = useCountryName();
  const f = useFormat();
  // A reset link is shown once, from the answer of the reset, and never fetched again.
  const [resetLink, setResetLink] = useState<Activation>();
  if (!user.data) return <QueryState isPending={user.isPending} error={user.error} />;
  const u = user.data;
  const isMe = me.data?.id === u.id;

  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        {u.displayName}
      </Typography>
      {u.status === 'disabled' && <Alert severity="warning">{t('users.disabledNotice')}</Alert>}
      {resetLink && (
        <OneTimeLink
          token={resetLink.activationToken}
          expiresAt={resetLink.activationExpiresAt}
          userName={u.displayName}
          kind="reset"
        />
      )}
      <DetailList
        items={[
          [t('users.fields.email'), u.email],
          [t('users.fields.locale'), t(`users.locales.${u.locale}`)],
          [t('users.fields.countryCode'), countryName(u.countryCode) || t('users.noCountry')],
          [t('users.fields.status'), t(`users.status.${u.status}`)],
          [
            t('users.fields.activated'),
            u.activated ? t('common.yes') : t('users.pendingActivation'),
          ],
          [t('users.fields.mfa'), u.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')],
          [t('users.fields.createdAt'), f.dateTime(u.createdAt)],
          [t('users.fields.updatedAt'), f.dateTime(u.updatedAt)],
        ]}
      />
      <Typography variant="h5" component="h2">
        {t('users.fields.roles')}
      </Typography>
      {u.grants.length === 0 ? (
        <Typography>{t('users.noRoles')}</Typography>
      ) : (
        <Stack component="ul" spacing={0.5} sx={{ pl: 3, m: 0 }}>
          {u.grants.map((grant) => (
            <li key={`${grant.role}${grant.consulateId ?? grant.countryCode ?? ''}`}>
              {roleLabel(grant.role)} · {grantScope(grant)}
            </li>
          ))}
        </Stack>
      )}
      {mayManage && (
        <>
          <Typography variant="h5" component="h2">
            {t('actions.title')}
          </Typography>
          <Button
            component={RouterLink}
            to={`/admin/users/${u.id}/edit`}
            variant="outlined"
            sx={{ alignSelf: 'start' }}
          >
            {t('users.edit')}
          </Button>
          {isMe ? (
            <Typography>{t('actions.ownAccount')}</Typography>
          ) : (
            <UserActions user={u} onResetLink={setResetLink} />
          )}
        </>
      )}
    </Stack>
  );
}
