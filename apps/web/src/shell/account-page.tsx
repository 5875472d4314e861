import { Alert, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { meQuery } from './me-query';
import { useSession } from './session';

type Grant = components['schemas']['GrantResponse'];

/** Who is signed in: name, email and roles from GET /me, and the way out. */
export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const me = useQuery(meQuery);
  const scope = (grant: Grant) =>
    grant.consulateId
      ? t('grantScope.consulate', { id: grant.consulateId.slice(0, 8) })
      : grant.countryCode
        ? t('grantScope.country', { code: grant.countryCode })
        : t('grantScope.global');

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
      <Stack spacing={2}>
        <Typography variant="h4" component="h1">
          {t('home.title')}
        </Typography>
        {me.isPending && <Typography role="status">{t('home.loading')}</Typography>}
        {me.isError && <Alert severity="error">{me.error.message}</Alert>}
        {me.data && (
          <>
            <Typography variant="h5" component="p">
              {t('home.signedInAs', { name: me.data.displayName })}
            </Typography>
            <Typography>
              {t('home.email')}: {me.data.email}
            </Typography>
            <Typography variant="h6" component="h2">
              {t('home.roles')}
            </Typography>
            {me.data.grants.length === 0 ? (
              <Typography>{t('home.noRoles')}</Typography>
            ) : (
              <Stack component="ul" direction="row" spacing={1} sx={{ p: 0, listStyle: 'none' }}>
                {me.data.grants.map((grant) => (
                  <li key={`${grant.role}${grant.consulateId ?? grant.countryCode ?? ''}`}>
                    <Chip label={`${t(`roles.${grant.role}`)} · ${scope(grant)}`} />
                  </li>
                ))}
              </Stack>
            )}
          </>
        )}
        <Button variant="outlined" onClick={() => void session.end()} sx={{ alignSelf: 'start' }}>
          {t('home.signOut')}
        </Button>
      </Stack>
    </Paper>
  );
}
