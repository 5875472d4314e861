import { Alert, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import { QueryState } from '../directory/common/query-state';
import { OrganisationDetails } from '../directory/organisations/organisation-details';
import { useMyOrganisation } from './use-my-organisation';

/**
 * A focal point's home: their organisation as the directory shows it to consular staff, and the way
 * to update it. After a save the edit page comes back here with `state.saved`.
 */
export function MyOrganisationPage() {
  const { t } = useTranslation('myOrganisation');
  const organisation = useMyOrganisation();
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        {t('title')}
      </Typography>
      {!organisation.data ? (
        <QueryState isPending={organisation.isPending} error={organisation.error} />
      ) : (
        <>
          <Typography variant="h5" component="p">
            {organisation.data.name}
            {organisation.data.acronym ? ` (${organisation.data.acronym})` : ''}
          </Typography>
          {saved && (
            <Alert severity="success" role="status">
              {t('saved')}
            </Alert>
          )}
          {!organisation.data.active && <Alert severity="warning">{t('inactiveNotice')}</Alert>}
          <Typography sx={{ maxWidth: 720 }}>{t('intro')}</Typography>
          <Button
            component={RouterLink}
            to="/my-organisation/edit"
            variant="contained"
            sx={{ alignSelf: 'start' }}
          >
            {t('edit')}
          </Button>
          <OrganisationDetails organisation={organisation.data} />
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 720 }}>
            {t('adminOnly')}
          </Typography>
        </>
      )}
    </Stack>
  );
}
