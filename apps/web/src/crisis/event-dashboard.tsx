import {
  Box,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { QueryState } from '../directory/common/query-state';
import { useSubdivisions } from '../directory/common/use-countries';
import { useFormat } from '../shell/format';
import { useDashboard } from './crisis-queries';
import { WELFARE_STATUSES, type CrisisEvent, type Dashboard } from './crisis-types';
import { WELFARE_COLOURS } from './welfare-colours';

const WelfareChart = lazy(async () => ({
  default: (await import('./welfare-chart')).WelfareChart,
}));

type WelfareCounts = Dashboard['byWelfareStatus'];

const total = (counts: WelfareCounts) =>
  WELFARE_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0);

/** A table of counts by welfare status, one row per subdivision or day. */
function CountsTable({
  caption,
  header,
  rows,
}: {
  caption: string;
  header: string;
  rows: { key: string; label: string; counts: WelfareCounts }[];
}) {
  const { t } = useTranslation('crisis');
  const f = useFormat();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small">
        <caption>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{header}</TableCell>
            {WELFARE_STATUSES.map((status) => (
              <TableCell key={status} scope="col" align="right">
                {t(`welfare.${status}`)}
              </TableCell>
            ))}
            <TableCell scope="col" align="right">
              {t('common.total')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              {WELFARE_STATUSES.map((status) => (
                <TableCell key={status} align="right">
                  {f.number(row.counts[status] ?? 0)}
                </TableCell>
              ))}
              <TableCell align="right" sx={{ fontWeight: 700 }}>
                {f.number(total(row.counts))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * The event's dashboard: persons by welfare status (each figure a link to that part of the
 * roster), by subdivision, and day by day as a chart and, always, as a table.
 */
export function EventDashboard({ event }: { event: CrisisEvent }) {
  const { t } = useTranslation('crisis');
  const f = useFormat();
  const dashboard = useDashboard(event.id);
  const subdivisions = useSubdivisions(event.hostCountryCode);
  const subdivisionName = (code: string | null) => {
    if (!code) return t('common.noSubdivision');
    const found = subdivisions.data?.items.find((s) => s.code === code);
    return found ? `${found.name} (${code})` : code;
  };
  const d = dashboard.data;
  const label = (status: (typeof WELFARE_STATUSES)[number]) => t(`welfare.${status}`);
  return (
    <Stack component="section" aria-labelledby="dashboard-title" spacing={3}>
      <Typography id="dashboard-title" variant="h5" component="h2">
        {t('dashboard.title')}
      </Typography>
      <QueryState isPending={dashboard.isPending} error={dashboard.error} />
      {d && (
        <>
          <Typography>{t('dashboard.exact')}</Typography>
          <Box
            component="ul"
            aria-label={t('dashboard.byStatusCaption')}
            sx={{
              listStyle: 'none',
              m: 0,
              p: 0,
              display: 'grid',
              gap: 2,
              gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
            }}
          >
            {WELFARE_STATUSES.map((status) => {
              const count = d.byWelfareStatus[status] ?? 0;
              return (
                <Paper
                  component="li"
                  key={status}
                  variant="outlined"
                  sx={{ p: 2, borderLeft: 6, borderLeftColor: WELFARE_COLOURS[status] }}
                >
                  <Link
                    component={RouterLink}
                    to={`/crisis/${event.id}/roster?welfareStatus=${status}`}
                    sx={{ display: 'block' }}
                  >
                    <Typography component="span" variant="h4" sx={{ display: 'block' }}>
                      {f.number(count)}
                    </Typography>{' '}
                    <Typography component="span">{label(status)}</Typography>
                  </Link>
                </Paper>
              );
            })}
          </Box>
          {total(d.byWelfareStatus) === 0 ? (
            <Typography>{t('dashboard.empty')}</Typography>
          ) : (
            <>
              <Typography variant="h6" component="h3">
                {t('dashboard.bySubdivisionTitle')}
              </Typography>
              <CountsTable
                caption={t('dashboard.bySubdivisionCaption')}
                header={t('dashboard.subdivision')}
                rows={d.bySubdivision.map((row) => ({
                  key: row.subdivision ?? '-',
                  label: subdivisionName(row.subdivision),
                  counts: row.counts,
                }))}
              />
              <Typography variant="h6" component="h3">
                {t('dashboard.overTimeTitle')}
              </Typography>
              <Paper variant="outlined" sx={{ p: 2 }}>
                <Typography variant="body2" color="text.secondary">
                  {t('dashboard.chartNote')}
                </Typography>
                <Box aria-hidden="true" sx={{ height: 300 }}>
                  <Suspense fallback={<Typography>{t('dashboard.chartLoading')}</Typography>}>
                    <WelfareChart overTime={d.overTime} label={label} dayLabel={f.date} />
                  </Suspense>
                </Box>
              </Paper>
              <CountsTable
                caption={t('dashboard.overTimeCaption')}
                header={t('dashboard.day')}
                rows={d.overTime.map((row) => ({
                  key: row.date,
                  label: f.date(row.date),
                  counts: row.counts,
                }))}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
