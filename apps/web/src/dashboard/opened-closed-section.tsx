import {
  Box,
  Link,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { components } from '../api/schema';
import { useCodeLabel } from '../codes/use-code-lists';
import { useFormat } from '../shell/format';
import { categoryLink } from './case-links';
import { useMonthLabel } from './month-label';
import { categoryTotals, monthlySeries } from './series';

const OpenedClosedChart = lazy(async () => ({
  default: (await import('./opened-closed-chart')).OpenedClosedChart,
}));

type Caseload = components['schemas']['CaseloadResponse'];

interface Props {
  caseload: Caseload;
  consulateId: string | undefined;
  category: string | undefined;
  onCategory: (category: string) => void;
}

/**
 * Cases opened and closed over the period: by category (each total a link to its cases), then one
 * category month by month as a chart and, always, as a table.
 */
export function OpenedClosedSection({ caseload, consulateId, category, onCategory }: Props) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const label = useCodeLabel();
  const monthLabel = useMonthLabel();
  const totals = categoryTotals(caseload.openedClosed);
  const chosen =
    totals.find((total) => total.category === category)?.category ?? totals[0]?.category;
  const dates = { from: caseload.from, to: caseload.to };
  const period = { from: caseload.from.slice(0, 7), to: caseload.to.slice(0, 7) };
  const points = chosen ? monthlySeries(caseload.openedClosed, chosen, period) : [];
  const seriesLabels = { opened: t('series.opened'), closed: t('series.closed') };

  return (
    <Stack component="section" aria-labelledby="series-title" spacing={2}>
      <Typography id="series-title" variant="h6" component="h2">
        {t('series.title')}
      </Typography>
      <Typography>{t('series.multiCount')}</Typography>
      {totals.length === 0 ? (
        <Typography>{t('series.empty')}</Typography>
      ) : (
        <>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small">
              <caption>
                {t('series.byCategoryCaption', { from: f.date(dates.from), to: f.date(dates.to) })}
              </caption>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('series.category')}</TableCell>
                  <TableCell scope="col" align="right">
                    {t('series.opened')}
                  </TableCell>
                  <TableCell scope="col" align="right">
                    {t('series.closed')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {totals.map((total) => {
                  const name = label('caseCategories', total.category);
                  return (
                    <TableRow key={total.category}>
                      <TableCell component="th" scope="row">
                        {name}
                      </TableCell>
                      {(['opened', 'closed'] as const).map((event) => (
                        <TableCell key={event} align="right">
                          <Link
                            component={RouterLink}
                            to={categoryLink(event, total.category, dates, consulateId)}
                            aria-label={t(`series.${event}Link`, {
                              count: f.number(total[event]),
                              category: name,
                            })}
                          >
                            {f.number(total[event])}
                          </Link>
                        </TableCell>
                      ))}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
          <Typography variant="body2" color="text.secondary">
            {t('series.closedNote')}
          </Typography>
          <TextField
            select
            id="series-category"
            label={t('series.chosen')}
            value={chosen}
            onChange={(event) => onCategory(event.target.value)}
            size="small"
            sx={{ maxWidth: 420 }}
          >
            {totals.map((total) => (
              <MenuItem key={total.category} value={total.category}>
                {label('caseCategories', total.category)}
              </MenuItem>
            ))}
          </TextField>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="body2" color="text.secondary" id="chart-note">
              {t('series.chartNote')}
            </Typography>
            <Box aria-hidden="true" sx={{ height: 300 }}>
              <Suspense fallback={<Typography>{t('series.chartLoading')}</Typography>}>
                <OpenedClosedChart points={points} labels={seriesLabels} monthLabel={monthLabel} />
              </Suspense>
            </Box>
          </Paper>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small">
              <caption>
                {t('series.monthlyCaption', { category: label('caseCategories', chosen) })}
              </caption>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('series.month')}</TableCell>
                  <TableCell scope="col" align="right">
                    {t('series.opened')}
                  </TableCell>
                  <TableCell scope="col" align="right">
                    {t('series.closed')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {points.map((point) => (
                  <TableRow key={point.month}>
                    <TableCell component="th" scope="row">
                      {monthLabel(point.month)}
                    </TableCell>
                    <TableCell align="right">{f.number(point.opened)}</TableCell>
                    <TableCell align="right">{f.number(point.closed)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
    </Stack>
  );
}
