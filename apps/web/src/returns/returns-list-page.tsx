import { Link, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { ListHeading, ResultsTable } from '../directory/common/results-table';
import { SelectField } from '../directory/common/select-field';
import { useFormat } from '../shell/format';
import { useHasPermission } from '../shell/use-me';
import { RETURN_MODES, RETURN_STATUSES, useMovements, type Movement } from './return-queries';

/** `/returns`: the return movements of the caller's posts (a supervisor: of the country). */
export function ReturnsListPage() {
  const { t } = useTranslation('returns');
  const f = useFormat();
  const mayPlan = useHasPermission('cases:write');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const mode = params.get('mode') ?? '';
  const cursor = params.get('cursor') ?? undefined;
  const list = useMovements(status, mode, cursor);
  const set = (next: Record<string, string>) =>
    setParams(Object.fromEntries(Object.entries({ status, mode, ...next }).filter(([, v]) => v)));
  return (
    <Stack spacing={2}>
      <ListHeading
        title={t('list.title')}
        create={mayPlan ? { to: '/returns/new', label: t('list.create') } : undefined}
      />
      <Typography>{t('list.intro')}</Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <SelectField
          id="returns-status"
          label={t('list.filterStatus')}
          value={status}
          onChange={(value) => set({ status: value })}
          emptyLabel={t('list.any')}
          options={RETURN_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          sx={{ minWidth: 200 }}
        />
        <SelectField
          id="returns-mode"
          label={t('list.filterMode')}
          value={mode}
          onChange={(value) => set({ mode: value })}
          emptyLabel={t('list.any')}
          options={RETURN_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
          sx={{ minWidth: 200 }}
        />
      </Stack>
      <ResultsTable<Movement>
        list={list}
        caption={t('list.caption')}
        rowKey={(m) => m.id}
        cursor={cursor}
        onPage={(next) => set({ cursor: next ?? '' })}
        columns={[
          {
            header: t('list.departure'),
            cell: (m) => (
              <Link component={RouterLink} to={`/returns/${m.id}`}>
                {t('list.open', { date: f.dateTime(m.plannedDepartureAt) })}
              </Link>
            ),
          },
          { header: t('list.mode'), cell: (m) => t(`modes.${m.mode}`) },
          {
            header: t('list.route'),
            cell: (m) => t('list.routeText', { from: m.fromPlace, to: m.toPlace }),
          },
          { header: t('list.status'), cell: (m) => t(`statuses.${m.status}`) },
        ]}
      />
    </Stack>
  );
}
