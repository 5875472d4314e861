import { Alert, Button, Link, Stack, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { useFormat } from '../../shell/format';
import { useHasPermission } from '../../shell/use-me';
import { ConfirmDialog } from '../common/confirm-dialog';
import { DetailList } from '../common/detail-list';
import { useDirectoryLabel } from '../common/directory-codes';
import { QueryState } from '../common/query-state';
import { useCountryName } from '../common/use-countries';
import { consulateKey, useConsulate, type Consulate } from './use-consulate';

/** Deactivating keeps the post readable but takes no new cases; reactivating undoes it. */
function ActivationControl({ consulate }: { consulate: Consulate }) {
  const { t } = useTranslation('directory');
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const action = consulate.active ? 'deactivate' : 'reactivate';
  const change = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST(
          consulate.active
            ? '/api/v1/consulates/{id}/deactivate'
            : '/api/v1/consulates/{id}/reactivate',
          { params: { path: { id: consulate.id } } },
        ),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(consulateKey(consulate.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['consulates', 'list'] });
      setOpen(false);
    },
  });
  return (
    <>
      <Button
        variant="outlined"
        color={consulate.active ? 'error' : 'primary'}
        onClick={() => {
          change.reset();
          setOpen(true);
        }}
      >
        {t(`consulates.${action}`)}
      </Button>
      <ConfirmDialog
        open={open}
        title={t(`consulates.${action}Title`, { name: consulate.name })}
        description={t(`consulates.${action}Text`)}
        confirmLabel={t(`consulates.${action}`)}
        destructive={consulate.active}
        busy={change.isPending}
        error={change.error ?? undefined}
        onConfirm={() => change.mutate()}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

/** A consular post: where it is, what it covers, how to reach it, and its state. */
export function ConsulatePage() {
  const { t } = useTranslation('directory');
  const { id } = useParams();
  const consulate = useConsulate(id);
  const mayManage = useHasPermission('consulates:manage');
  const label = useDirectoryLabel();
  const countryName = useCountryName();
  const f = useFormat();
  if (!consulate.data)
    return <QueryState isPending={consulate.isPending} error={consulate.error} />;
  const c = consulate.data;
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        {c.name}
      </Typography>
      {!c.active && (
        <Alert severity="warning">
          {t('consulates.inactiveSince', { date: f.date(c.deactivatedAt) })}
        </Alert>
      )}
      {mayManage && (
        <Stack direction="row" spacing={2}>
          <Button
            component={RouterLink}
            to={`/directory/consulates/${c.id}/edit`}
            variant="contained"
          >
            {t('common.edit')}
          </Button>
          <ActivationControl consulate={c} />
        </Stack>
      )}
      <DetailList
        items={[
          [t('consulates.fields.postCode'), c.postCode],
          [t('consulates.fields.type'), label('consulateTypes', c.type)],
          [t('consulates.fields.sendingCountryCode'), countryName(c.sendingCountryCode)],
          [t('consulates.fields.hostCountryCode'), countryName(c.hostCountryCode)],
          [t('consulates.fields.city'), c.city],
          [t('consulates.fields.jurisdiction'), c.jurisdiction.join(', ')],
          [t('consulates.fields.address'), c.address],
          [t('consulates.fields.phone'), c.phone],
          [t('consulates.fields.emergencyPhone'), c.emergencyPhone],
          [t('consulates.fields.email'), c.email],
          [t('consulates.fields.website'), c.website],
          [t('common.state'), c.active ? t('common.active') : t('common.inactive')],
          [t('common.updatedAt'), f.dateTime(c.updatedAt)],
        ]}
      />
      <Link component={RouterLink} to={`/directory/officials?consulateId=${c.id}`}>
        {t('consulates.officialsOfPost', { name: c.name })}
      </Link>
    </Stack>
  );
}
