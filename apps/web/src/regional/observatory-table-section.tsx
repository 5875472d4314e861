import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../shell/problem-alert';
import { ConsolidatedTable } from './consolidated-table';
import { codeLabel, useConsolidation, type Consolidation } from './use-consolidation';
import type { RegionalMessages } from './locales/es';

const RegionalBarChart = lazy(async () => ({
  default: (await import('./regional-bar-chart')).RegionalBarChart,
}));

type Section = keyof RegionalMessages['observatory']['sections'];
type SectionMeasure = keyof RegionalMessages['observatory']['measureOf'];
type SectionDimension = keyof RegionalMessages['observatory']['dimensionOf'];

interface Props {
  section: Section;
  semester: string;
  measure: SectionMeasure;
  dimension: SectionDimension;
}

/**
 * One table of the observatory (one consolidation) with its chart: an empty state when no country
 * published the measure by the dimension, and the countries whose export the table leaves out.
 */
export function ObservatoryTableSection({ section, semester, measure, dimension }: Props) {
  const { t } = useTranslation('regional');
  const consolidation = useConsolidation(semester, measure, dimension);
  const titleId = `observatory-${section}-title`;
  const title = t(`observatory.sections.${section}.title`);
  const table = consolidation.data;
  return (
    <Stack component="section" aria-labelledby={titleId} spacing={2}>
      <Typography id={titleId} variant="h2" sx={{ fontSize: '1.5rem' }}>
        {title}
      </Typography>
      <Typography>{t(`observatory.sections.${section}.intro`)}</Typography>
      {consolidation.isPending ? <Typography>{t('observatory.loading')}</Typography> : null}
      {consolidation.error ? <ProblemAlert error={consolidation.error} /> : null}
      {table === null ? (
        <Alert severity="info">
          {t('observatory.empty', {
            measure: t(`observatory.measureOf.${measure}`),
            dimension: t(`observatory.dimensionOf.${dimension}`).toLowerCase(),
          })}
        </Alert>
      ) : null}
      {table ? (
        <TableWithChart
          table={table}
          title={title}
          valueLabel={t(`observatory.axisOf.${measure}`)}
        />
      ) : null}
    </Stack>
  );
}

interface TableWithChartProps {
  table: Consolidation;
  title: string;
  valueLabel: string;
}

function TableWithChart({ table, title, valueLabel }: TableWithChartProps) {
  const { t, i18n } = useTranslation('regional');
  const language = i18n.language === 'en' ? 'en' : 'es';
  // A count's total row would dwarf the codes' bars; a median's is each country's overall one.
  const rows = table.rows
    .filter((row) => !table.additive || row.codes[0] !== '_T')
    .map((row) => ({
      label:
        row.codes[0] === '_T'
          ? t('observatory.totalCode')
          : codeLabel(table, row.codes[0], language),
      values: Object.fromEntries(row.cells.map((cell) => [cell.country, cell.value])),
    }));
  const excluded = table.excluded.flatMap((e) => e.countries);
  return (
    <>
      {excluded.length > 0 ? (
        <Alert severity="warning">
          {t('observatory.excluded', { countries: excluded.join(', ') })}
        </Alert>
      ) : null}
      {rows.length > 0 ? (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="body2" color="text.secondary">
            {t('observatory.chartNote')}
          </Typography>
          <Box aria-hidden="true" sx={{ height: 300 }}>
            <Suspense fallback={<Typography>{t('observatory.chartLoading')}</Typography>}>
              <RegionalBarChart rows={rows} countries={table.countries} valueLabel={valueLabel} />
            </Suspense>
          </Box>
        </Paper>
      ) : null}
      <ConsolidatedTable
        table={table}
        caption={t(table.additive ? 'observatory.caption' : 'observatory.captionMedian', {
          title,
          semester: table.semester,
        })}
      />
    </>
  );
}
