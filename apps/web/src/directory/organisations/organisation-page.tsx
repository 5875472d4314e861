import { Alert, Button, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { useHasPermission } from '../../shell/use-me';
import { ConfirmDialog } from '../common/confirm-dialog';
import { QueryState } from '../common/query-state';
import { OrganisationDetails } from './organisation-details';
import { organisationKey, useOrganisation, type Organisation } from './use-organisation';

/** An inactive organisation stays on record but is no longer offered for referrals. */
function ActivationControl({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation('directory');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const action = organisation.active ? 'deactivate' : 'reactivate';
  const change = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/organisations/{id}', {
          params: { path: { id: organisation.id } },
          body: { active: !organisation.active },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(organisationKey(organisation.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] });
      setOpen(false);
    },
  });
  return (
    <>
      <Button
        variant="outlined"
        color={organisation.active ? 'error' : 'primary'}
        onClick={() => {
          change.reset();
          setOpen(true);
        }}
      >
        {t(`organisations.${action}`)}
      </Button>
      <ConfirmDialog
        open={open}
        title={t(`organisations.${action}Title`, { name: organisation.name })}
        description={t(`organisations.${action}Text`)}
        confirmLabel={t(`organisations.${action}`)}
        destructive={organisation.active}
        busy={change.isPending}
        error={change.error ?? undefined}
        onConfirm={() => change.mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** A referral organisation: its services, where it works, its languages and how to reach it. */
export function OrganisationPage() {
  const { t } = useTranslation('directory');
  const { id } = useParams();
  const organisation = useOrganisation(id);
  const mayManage = useHasPermission('directory:manage');
  if (!organisation.data)
    return <QueryState isPending={organisation.isPending} error={organisation.error} />;
  const o = organisation.data;
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        {o.name}
        {o.acronym ? ` (${o.acronym})` : ''}
      </Typography>
      {!o.active && <Alert severity="warning">{t('organisations.inactiveNotice')}</Alert>}
      {mayManage && (
        <Stack direction="row" spacing={2}>
          <Button
            component={RouterLink}
            to={`/directory/organisations/${o.id}/edit`}
            variant="contained"
          >
            {t('common.edit')}
          </Button>
          <ActivationControl organisation={o} />
        </Stack>
      )}
      <OrganisationDetails organisation={o} />
    </Stack>
  );
}
