import { Box, Paper, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { useFormat } from '../shell/format';
import { ProblemAlert } from '../shell/problem-alert';
import { SuppressedMark } from '../statistics/suppressed-mark';
import { regionalKeys } from './regional-queries';
import { totalRow, useConsolidation, type Measure } from './use-consolidation';

/** The member countries of the Regional Conference on Migration. */
export const NETWORK_MEMBERS = 11;

/**
 * The semester at a glance: how many members reported, and the regional totals of cases opened,
 * persons assisted and persons returned, each as disclosure control left it.
 */
export function ObservatoryTiles({ semester }: { semester: string }) {
  const { t } = useTranslation('regional');
  const f = useFormat();
  const reporting = useQuery({
    queryKey: regionalKeys.reporting(semester),
    queryFn: () =>
      unwrap(api.GET('/api/v1/regional/reporting', { params: { query: { semester } } })),
  });
  const reported = reporting.data?.countries.filter((c) => c.reported).map((c) => c.country);
  return (
    <Box component="section" aria-labelledby="tiles-title">
      <Typography id="tiles-title" variant="h2" sx={{ fontSize: '1.5rem', mb: 1 }}>
        {t('observatory.tiles.title')}
      </Typography>
      {reporting.error ? <ProblemAlert error={reporting.error} /> : null}
      <Box
        component="ul"
        sx={{
          listStyle: 'none',
          p: 0,
          m: 0,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
        }}
      >
        <Tile
          label={t('observatory.tiles.reported')}
          value={
            reported
              ? t('observatory.tiles.reportedValue', {
                  count: reported.length,
                  members: Math.max(NETWORK_MEMBERS, reporting.data!.countries.length),
                })
              : '…'
          }
          note={
            reported
              ? reported.length > 0
                ? t('observatory.tiles.reportedList', { countries: reported.join(', ') })
                : t('observatory.tiles.reportedNone')
              : undefined
          }
        />
        <TotalTile semester={semester} measure="cases_opened" label="casesOpened" format={f} />
        <TotalTile
          semester={semester}
          measure="persons_assisted"
          label="personsAssisted"
          format={f}
        />
        <TotalTile semester={semester} measure="returns" label="returns" format={f} />
      </Box>
    </Box>
  );
}

interface TotalTileProps {
  semester: string;
  measure: Measure;
  label: 'casesOpened' | 'personsAssisted' | 'returns';
  format: ReturnType<typeof useFormat>;
}

/** A measure's regional total over every category (its `_T` row), as the API controlled it. */
function TotalTile({ semester, measure, label, format }: TotalTileProps) {
  const { t } = useTranslation('regional');
  const consolidation = useConsolidation(semester, measure, 'category');
  const table = consolidation.data;
  const total = table ? totalRow(table)?.total : undefined;
  let value: ReactNode = '…';
  let note: string | undefined = t('observatory.tiles.regionalTotal');
  if (consolidation.error) value = '—';
  else if (table === null) {
    value = '—';
    note = t('observatory.tiles.notReported');
  } else if (table && !total) {
    value = '—';
    note = t('observatory.tiles.notPublished');
  } else if (total?.suppressed) {
    value = <SuppressedMark />;
    note = t('observatory.tiles.suppressed');
  } else if (total) value = format.number(total.value ?? 0);
  return <Tile label={t(`observatory.tiles.${label}`)} value={value} note={note} />;
}

function Tile({ label, value, note }: { label: string; value: ReactNode; note?: string }) {
  return (
    <Paper component="li" variant="outlined" sx={{ p: 2 }}>
      <Typography component="p" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="p" sx={{ fontSize: '2rem', fontWeight: 700 }}>
        {value}
      </Typography>
      {note ? (
        <Typography component="p" variant="body2">
          {note}
        </Typography>
      ) : null}
    </Paper>
  );
}
