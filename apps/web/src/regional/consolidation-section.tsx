import { Box, Button, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { SelectField } from '../directory/common/select-field';
import { ProblemAlert } from '../shell/problem-alert';
import { ConsolidatedTable } from './consolidated-table';
import { es } from './locales/es';

type Request = components['schemas']['RegionalConsolidationRequest'];
const MEASURES = Object.keys(es.consolidation.measures) as Request['measure'][];
const DIMENSIONS = Object.keys(es.consolidation.dimensions) as Request['dimensions'][number][];

/**
 * The regional table of one measure by one dimension: a column per member country as it
 * published its cells, and the regional total, suppressed like a national cell where it would
 * give one away.
 */
export function ConsolidationSection({ semester }: { semester: string }) {
  const { t } = useTranslation('regional');
  const [measure, setMeasure] = useState<Request['measure']>('cases_opened');
  const [dimension, setDimension] = useState<Request['dimensions'][number]>('category');
  const consolidate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/regional/consolidations', {
          body: { semester, measure, dimensions: [dimension] },
        }),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    consolidate.mutate();
  };
  const table = consolidate.data;
  return (
    <Box component="section" aria-labelledby="consolidation-title">
      <Typography id="consolidation-title" variant="h2" sx={{ fontSize: '1.5rem', mb: 1 }}>
        {t('consolidation.title')}
      </Typography>
      <Stack
        component="form"
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        onSubmit={submit}
        sx={{ mb: 2 }}
      >
        <SelectField
          id="consolidation-measure"
          label={t('consolidation.measure')}
          value={measure}
          onChange={(v) => setMeasure(v as Request['measure'])}
          options={MEASURES.map((m) => ({ value: m, label: t(`consolidation.measures.${m}`) }))}
        />
        <SelectField
          id="consolidation-dimension"
          label={t('consolidation.dimension')}
          value={dimension}
          onChange={(v) => setDimension(v as Request['dimensions'][number])}
          options={DIMENSIONS.map((d) => ({
            value: d,
            label: t(`consolidation.dimensions.${d}`),
          }))}
        />
        <Box>
          <Button type="submit" variant="contained" disabled={consolidate.isPending}>
            {t('consolidation.submit')}
          </Button>
        </Box>
      </Stack>
      {consolidate.error ? <ProblemAlert error={consolidate.error} /> : null}
      {table ? (
        <>
          <ConsolidatedTable
            table={table}
            caption={t('consolidation.caption', {
              measure: t(`consolidation.measures.${table.measure as Request['measure']}`, {
                defaultValue: table.measure,
              }),
              semester: table.semester,
            })}
          />
          <Typography variant="body2" sx={{ mt: 1 }}>
            {t('consolidation.legend')}
          </Typography>
        </>
      ) : null}
    </Box>
  );
}
