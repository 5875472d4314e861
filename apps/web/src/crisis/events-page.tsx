import { Button, Link, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ListHeading, ResultsTable } from '../directory/common/results-table';
import { useCountryName } from '../directory/common/use-countries';
import { useFormat } from '../shell/format';
import { useHasPermission } from '../shell/use-me';
import { useCrisisEvents } from './crisis-queries';
import type { CrisisEvent } from './crisis-types';
import { DeclareEventDialog } from './declare-event-dialog';

/** `/crisis`: the crisis events of the caller's posts and country, and declaring a new one. */
export function EventsPage() {
  const { t } = useTranslation('crisis');
  const f = useFormat();
  const countryName = useCountryName();
  const events = useCrisisEvents();
  const mayDeclare = useHasPermission('crisis:manage');
  const [declaring, setDeclaring] = useState(false);
  return (
    <Stack spacing={2}>
      <ListHeading title={t('list.title')} />
      <Typography>{t('list.intro')}</Typography>
      {mayDeclare && (
        <Button
          variant="contained"
          size="large"
          sx={{ alignSelf: 'flex-start' }}
          onClick={() => setDeclaring(true)}
        >
          {t('list.declare')}
        </Button>
      )}
      {events.data?.items.length === 0 ? (
        <Typography role="status">{t('list.empty')}</Typography>
      ) : (
        <ResultsTable<CrisisEvent>
          list={events}
          caption={t('list.caption')}
          rowKey={(e) => e.id}
          cursor={undefined}
          onPage={() => undefined}
          columns={[
            {
              header: t('list.name'),
              cell: (e) => (
                <Link component={RouterLink} to={`/crisis/${e.id}`}>
                  {e.name}
                </Link>
              ),
            },
            { header: t('list.type'), cell: (e) => t(`types.${e.type}`) },
            { header: t('list.host'), cell: (e) => countryName(e.hostCountryCode) },
            { header: t('list.status'), cell: (e) => t(`statuses.${e.status}`) },
            { header: t('list.started'), cell: (e) => f.date(e.startedAt) },
            { header: t('list.registered'), cell: (e) => f.number(e.counts?.total ?? 0) },
            { header: t('list.unaccounted'), cell: (e) => f.number(e.counts?.unaccounted ?? 0) },
          ]}
        />
      )}
      {declaring && <DeclareEventDialog onClose={() => setDeclaring(false)} />}
    </Stack>
  );
}
