import { Chip, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { ProblemAlert } from './problem-alert';
import { useMe } from './use-me';

type Grant = components['schemas']['GrantResponse'];

/** Who is signed in: name, email and roles from GET /me (the way out is in the layout). */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const scope = (grant: Grant) =>
    grant.organisationId
      ? t('grantScope.organisation')
      : grant.consulateId
        ? t('grantScope.consulate', { id: grant.consulateId.slice(0, 8) })
        : grant.countryCode
          ? t('grantScope.country', { code: grant.countryCode })
          : t('grantScope.global');

  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 }, maxWidth: 600, mx: 'auto' }}>
      <Stack spacing={2}>
        <Typography variant="h4" component="h1">
          {t('home.title')}
        </Typography>
        {me.isPending && <Typography role="status">{t('home.loading')}</Typography>}
        {me.isError && <ProblemAlert error={me.error} />}
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
      </Stack>
    </Paper>
  );
}
