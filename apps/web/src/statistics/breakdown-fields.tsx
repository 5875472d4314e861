import { Autocomplete, Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  appliesTo,
  DIMENSION_IDS,
  FILTER_IDS,
  GRANULARITIES,
  MAX_DIMENSIONS,
  type Breakdown,
  type DimensionId,
  type FilterId,
  type Granularity,
  type MeasureId,
} from './statistics-model';
import { useFilterOptions, type FilterOption } from './use-filter-options';

/** The element id of an API field in a form: `from` → `<prefix>-from`, `filters.sex` → `<prefix>-filters-sex`. */
export const breakdownFieldId = (prefix: string, field: string) =>
  `${prefix}-${field.replace(/\./g, '-')}`;

/** The API fields this component has an element for, so the error summary links only to those. */
export function isBreakdownField(field: string): boolean {
  return (
    ['dimensions', 'period', 'from', 'to'].includes(field) ||
    (field.startsWith('filters.') && FILTER_IDS.includes(field.slice(8) as FilterId))
  );
}

const fieldsetSx = { border: 0, m: 0, p: 0, minWidth: 0 } as const;

function Legend({ children }: { children: React.ReactNode }) {
  return (
    <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 700, mb: 1 }}>
      {children}
    </Typography>
  );
}

interface Props {
  /** Prefix of the element ids, unique per form. */
  idPrefix: string;
  value: Breakdown;
  onChange: (value: Breakdown) => void;
  /** The measures chosen: the action type only applies to consular actions. */
  measures: readonly MeasureId[];
  /** Messages by API field name (`dimensions`, `from`, `filters.category`). */
  errors: Record<string, string>;
}

/** Dimensions, period and filters: the part of a table's definition shared by statistics and exports. */
export function BreakdownFields({ idPrefix, value, onChange, measures, errors }: Props) {
  const { t } = useTranslation('statistics');
  const id = (field: string) => breakdownFieldId(idPrefix, field);
  const set = (patch: Partial<Breakdown>) => onChange({ ...value, ...patch });
  const error = (field: string) =>
    errors[field] ? { error: true, helperText: errors[field] } : {};

  const slots = Array.from(
    { length: MAX_DIMENSIONS },
    (_, i): DimensionId | '' => value.dimensions[i] ?? '',
  );
  const setSlot = (index: number, dimension: DimensionId | '') => {
    const next = [...slots];
    next[index] = dimension;
    set({ dimensions: next.filter((d): d is DimensionId => d !== '') });
  };

  return (
    <Stack spacing={3}>
      <Box component="fieldset" sx={fieldsetSx}>
        <Legend>{t('form.dimensionsLegend')}</Legend>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {slots.map((slot, index) => (
            <TextField
              key={index}
              select
              id={index === 0 ? id('dimensions') : id(`dimensions-${index + 1}`)}
              label={t('form.dimension', { n: index + 1 })}
              value={slot}
              onChange={(event) => setSlot(index, event.target.value as DimensionId | '')}
              sx={{ minWidth: 220 }}
              {...(index === 0 ? error('dimensions') : {})}
            >
              <MenuItem value="">{t('form.noDimension')}</MenuItem>
              {DIMENSION_IDS.filter(
                (d) => (d === slot || !slots.includes(d)) && appliesTo(d, measures),
              ).map((d) => (
                <MenuItem key={d} value={d}>
                  {t(`dimensions.${d}`)}
                </MenuItem>
              ))}
            </TextField>
          ))}
        </Stack>
      </Box>

      <Box component="fieldset" sx={fieldsetSx}>
        <Legend>{t('form.periodLegend')}</Legend>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            select
            id={id('period')}
            label={t('form.granularity')}
            value={value.period}
            onChange={(event) => set({ period: event.target.value as Granularity })}
            sx={{ minWidth: 180 }}
            {...error('period')}
          >
            {GRANULARITIES.map((g) => (
              <MenuItem key={g} value={g}>
                {t(`periods.${g}`)}
              </MenuItem>
            ))}
          </TextField>
          {/* Text fields, not native date fields: those write the date in the browser's language
              (12/31/2025 on a Spanish page in an English browser), not the page's. */}
          <TextField
            id={id('from')}
            label={t('form.from')}
            value={value.from}
            onChange={(event) => set({ from: event.target.value })}
            required
            autoComplete="off"
            helperText={t('form.dateHint')}
            sx={{ width: 280 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false } }}
            {...error('from')}
          />
          <TextField
            id={id('to')}
            label={t('form.to')}
            value={value.to}
            onChange={(event) => set({ to: event.target.value })}
            required
            autoComplete="off"
            helperText={t('form.dateHint')}
            sx={{ width: 280 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', spellCheck: false } }}
            {...error('to')}
          />
        </Stack>
      </Box>

      <FilterFields
        id={id}
        value={value}
        onChange={(filters) => set({ filters })}
        measures={measures}
        errors={errors}
      />
    </Stack>
  );
}

function FilterFields({
  id,
  value,
  onChange,
  measures,
  errors,
}: {
  id: (field: string) => string;
  value: Breakdown;
  onChange: (filters: Breakdown['filters']) => void;
  measures: readonly MeasureId[];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('statistics');
  const { options, loading } = useFilterOptions();
  const offered = FILTER_IDS.filter(
    (filter) => appliesTo(filter, measures) && (options[filter] || value.filters[filter]?.length),
  );
  return (
    <Box component="fieldset" sx={fieldsetSx}>
      <Legend>{t('form.filtersLegend')}</Legend>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {t('form.filtersHint')}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '1fr 1fr 1fr' },
        }}
      >
        {offered.map((filter) => {
          const known = options[filter] ?? [];
          const chosen = (value.filters[filter] ?? []).map(
            (code): FilterOption => known.find((o) => o.code === code) ?? { code, label: code },
          );
          const message = errors[`filters.${filter}`];
          return (
            <Autocomplete
              key={filter}
              multiple
              id={id(`filters.${filter}`)}
              options={known}
              value={chosen}
              loading={loading}
              loadingText={t('form.loadingOptions')}
              noOptionsText={t('form.noOptions')}
              isOptionEqualToValue={(option, chosenOption) => option.code === chosenOption.code}
              getOptionLabel={(option) => option.label}
              onChange={(_, next) =>
                onChange({
                  ...value.filters,
                  [filter]: next.length ? next.map((o) => o.code) : undefined,
                })
              }
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={t(`dimensions.${filter}`)}
                  error={Boolean(message)}
                  helperText={message}
                  // A long label ends before the open button, not under it; it shows whole on focus.
                  slotProps={{
                    ...params.slotProps,
                    inputLabel: {
                      ...params.slotProps?.inputLabel,
                      sx: { '&:not(.MuiInputLabel-shrink)': { maxWidth: 'calc(100% - 64px)' } },
                    },
                  }}
                />
              )}
            />
          );
        })}
      </Box>
    </Box>
  );
}
