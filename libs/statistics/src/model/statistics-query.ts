import { FieldError } from '@amparo/core';
import { VULNERABILITY_FLAGS } from '@amparo/cases';
import { DIMENSION_IDS, DIMENSIONS, DimensionId, isDimensionId } from './dimensions';
import { MEASURE_IDS, MEASURES, MeasureId, isMeasureId } from './measures';
import { PERIOD_GRANULARITIES, PeriodGranularity, periodsBetween } from './periods';

/** Every dimension but the period can filter; `vulnerability_flag` filters without being one. */
export type FilterId = Exclude<DimensionId, 'period'> | 'vulnerability_flag';
export const FILTER_IDS: readonly FilterId[] = [
  ...DIMENSION_IDS.filter((d): d is Exclude<DimensionId, 'period'> => d !== 'period'),
  'vulnerability_flag',
];
export type StatisticsFilters = Partial<Record<FilterId, string[]>>;

export const MAX_DIMENSIONS = 3;
export const MAX_PERIODS = 240;
const MAX_FILTER_VALUES = 50;

/** One aggregate: a measure by up to three dimensions over a date range. */
export interface StatisticsQuery {
  readonly measure: MeasureId;
  readonly dimensions: readonly DimensionId[];
  readonly period: PeriodGranularity;
  /** UTC dates, both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly filters: StatisticsFilters;
}

export interface StatisticsQueryInput {
  measure?: string;
  dimensions?: string[];
  period?: string;
  from?: string;
  to?: string;
  filters?: Record<string, string[] | null | undefined>;
}

/**
 * Checks what the request's shape cannot (combinations, code lists, date order) and returns the
 * query, or the list of field errors. `fieldPrefix` names the fields as the caller sent them.
 */
export function parseStatisticsQuery(
  input: StatisticsQueryInput,
  fieldPrefix = '',
): { query: StatisticsQuery } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, es: string, en: string) =>
    errors.push({ field: fieldPrefix + field, code, message: { es, en } });

  const measure = input.measure ?? '';
  if (!isMeasureId(measure)) {
    fail('measure', 'UNKNOWN_MEASURE', 'Medida desconocida.', 'Unknown measure.');
  }
  const dimensions = input.dimensions ?? [];
  if (dimensions.length > MAX_DIMENSIONS) {
    fail(
      'dimensions',
      'TOO_MANY_DIMENSIONS',
      'Como máximo tres dimensiones.',
      'At most three dimensions.',
    );
  }
  if (new Set(dimensions).size !== dimensions.length) {
    fail(
      'dimensions',
      'REPEATED_DIMENSION',
      'Una dimensión se repite.',
      'A dimension is repeated.',
    );
  }
  for (const d of dimensions) {
    if (!isDimensionId(d)) {
      fail(
        'dimensions',
        'UNKNOWN_DIMENSION',
        `Dimensión desconocida: ${d}.`,
        `Unknown dimension: ${d}.`,
      );
    } else if (isMeasureId(measure) && !fitsMeasure(d, measure)) {
      const measures = measuresOf(d).join(', ');
      fail(
        'dimensions',
        'DIMENSION_NOT_APPLICABLE',
        `La dimensión ${d} no aplica a la medida ${measure}; solo a: ${measures}.`,
        `Dimension ${d} does not apply to measure ${measure}; only to: ${measures}.`,
      );
    }
  }
  const period = input.period ?? 'year';
  if (!(PERIOD_GRANULARITIES as readonly string[]).includes(period)) {
    fail('period', 'UNKNOWN_PERIOD', 'Periodicidad desconocida.', 'Unknown period.');
  }
  const from = input.from ?? '';
  const to = input.to ?? '';
  if (!isIsoDate(from))
    fail('from', 'INVALID_DATE', 'Fecha no válida (AAAA-MM-DD).', 'Invalid date (YYYY-MM-DD).');
  if (!isIsoDate(to))
    fail('to', 'INVALID_DATE', 'Fecha no válida (AAAA-MM-DD).', 'Invalid date (YYYY-MM-DD).');
  if (isIsoDate(from) && isIsoDate(to)) {
    if (from > to) {
      fail(
        'to',
        'RANGE_REVERSED',
        'La fecha final es anterior a la inicial.',
        'The end date is before the start date.',
      );
    } else if (
      (PERIOD_GRANULARITIES as readonly string[]).includes(period) &&
      periodsBetween(period as PeriodGranularity, from, to).length > MAX_PERIODS
    ) {
      fail(
        'to',
        'RANGE_TOO_LONG',
        `Como máximo ${MAX_PERIODS} períodos.`,
        `At most ${MAX_PERIODS} periods.`,
      );
    }
  }
  const filters: StatisticsFilters = {};
  for (const [id, values] of Object.entries(input.filters ?? {})) {
    // A filter sent as null is absent, as validation treats an optional field (a JSON body can
    // carry it: `"filters": {"sex": null}`).
    if (values === undefined || values === null) continue;
    const field = `filters.${id}`;
    if (!(FILTER_IDS as readonly string[]).includes(id)) {
      fail(field, 'UNKNOWN_FILTER', 'Filtro desconocido.', 'Unknown filter.');
      continue;
    }
    if (values.length === 0 || values.length > MAX_FILTER_VALUES) {
      fail(
        field,
        'FILTER_VALUES',
        `Entre 1 y ${MAX_FILTER_VALUES} valores.`,
        `Between 1 and ${MAX_FILTER_VALUES} values.`,
      );
      continue;
    }
    const known = knownCodes(id as FilterId);
    const unknown = values.filter((v) =>
      known ? !known.has(v) : !/^[A-Za-z0-9_-]{1,64}$/.test(v),
    );
    if (unknown.length) {
      fail(
        field,
        'UNKNOWN_CODE',
        `Código no válido: ${unknown[0]}.`,
        `Invalid code: ${unknown[0]}.`,
      );
      continue;
    }
    const dimension = id as FilterId;
    if (
      dimension !== 'vulnerability_flag' &&
      isMeasureId(measure) &&
      !fitsMeasure(dimension, measure)
    ) {
      const measures = measuresOf(dimension).join(', ');
      fail(
        field,
        'FILTER_NOT_APPLICABLE',
        `Solo aplica a las medidas: ${measures}.`,
        `Only applies to the measures: ${measures}.`,
      );
      continue;
    }
    filters[id as FilterId] = [...new Set(values)].sort();
  }
  if (errors.length) return { errors };
  return {
    query: {
      measure: measure as MeasureId,
      dimensions: dimensions as DimensionId[],
      period: period as PeriodGranularity,
      from,
      to,
      filters,
    },
  };
}

/** Whether a dimension describes the rows a measure counts (an action type has no referral). */
export function fitsMeasure(dimension: DimensionId, measure: MeasureId): boolean {
  const sources = DIMENSIONS[dimension].sources;
  return !sources || sources.includes(MEASURES[measure].source);
}

/** The measures a dimension applies to, for the message that refuses it elsewhere. */
function measuresOf(dimension: DimensionId): MeasureId[] {
  return MEASURE_IDS.filter((m) => fitsMeasure(dimension, m));
}

function knownCodes(id: FilterId): Set<string> | null {
  if (id === 'vulnerability_flag') return new Set(VULNERABILITY_FLAGS);
  const codes = DIMENSIONS[id].codes;
  return typeof codes === 'string' ? null : new Set(Object.keys(codes));
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
