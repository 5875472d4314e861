import type { components, paths } from '../api/schema';

export type StatisticsParams = paths['/api/v1/statistics']['get']['parameters']['query'];
export type StatisticsResult = components['schemas']['StatisticsResponse'];
export type MeasureId = StatisticsParams['measure'];
export type DimensionId = NonNullable<StatisticsParams['dimensions']>[number];
export type Granularity = NonNullable<StatisticsParams['period']>;
export type Filters = components['schemas']['StatisticsFilterParams'];
export type FilterId = keyof Filters;

/** Every member of a union, listed once: the compiler refuses a list that misses one. */
export const all =
  <T extends string>() =>
  <L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;

export const MEASURE_IDS = all<MeasureId>()([
  'cases_opened',
  'cases_closed',
  'cases_open_at_end',
  'actions',
  'persons_assisted',
  'median_days_to_closure',
  'referrals',
  'assistance_requests',
  'transfers',
  'notification_delay',
  'notification_delay_p90',
  'returns',
] as const);

export const DIMENSION_IDS = all<DimensionId>()([
  'period',
  'sending_country',
  'consulate',
  'host_country',
  'host_subdivision',
  'category',
  'vulnerability',
  'sex',
  'age_group',
  'status',
  'closure_reason',
  'action_type',
  'crisis_event',
  'organisation_type',
  'referral_service',
  'receiving_country',
  'assistance_kind',
  'return_mode',
  'origin_subdivision',
  'nationality',
  'host_country_role',
  'temporary_worker',
  'gender',
] as const);

export const GRANULARITIES = all<Granularity>()(['month', 'quarter', 'semester', 'year'] as const);

export const FILTER_IDS = all<FilterId>()([
  'sending_country',
  'consulate',
  'host_country',
  'host_subdivision',
  'category',
  'vulnerability',
  'vulnerability_flag',
  'sex',
  'age_group',
  'status',
  'closure_reason',
  'action_type',
  'crisis_event',
  'organisation_type',
  'referral_service',
  'receiving_country',
  'assistance_kind',
  'return_mode',
  'origin_subdivision',
  'nationality',
  'host_country_role',
  'temporary_worker',
  'gender',
] as const);

export const MAX_DIMENSIONS = 3;
export const TOTAL = '_T';

/**
 * Dimensions (and filters) that describe the rows of some measures only, as the API's model says:
 * the action type describes consular actions, the organisation and service a referral, the
 * receiving country and kind an assistance request, the mode a return. The others describe the case
 * behind every row, or its person.
 */
const ONLY_FOR: Partial<Record<DimensionId | FilterId, readonly MeasureId[]>> = {
  action_type: ['actions'],
  organisation_type: ['referrals'],
  referral_service: ['referrals'],
  receiving_country: ['assistance_requests'],
  assistance_kind: ['assistance_requests'],
  return_mode: ['returns'],
};

/** Whether a dimension or filter applies to every measure chosen (the API refuses it otherwise). */
export function appliesTo(id: DimensionId | FilterId, measures: readonly MeasureId[]): boolean {
  const only = ONLY_FOR[id];
  return !only || (measures.length > 0 && measures.every((m) => only.includes(m)));
}

/** What both the table and an export are cut by: dimensions, period, range and filters. */
export interface Breakdown {
  dimensions: DimensionId[];
  period: Granularity;
  from: string;
  to: string;
  filters: Filters;
}

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: string | null | undefined): value is T =>
    value !== null && value !== undefined && (list as readonly string[]).includes(value);

export const isMeasure = isOneOf(MEASURE_IDS);
export const isDimension = isOneOf(DIMENSION_IDS);
export const isGranularity = isOneOf(GRANULARITIES);

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** This year so far: the first table a user sees without choosing anything. */
export function defaultBreakdown(today = new Date()): Breakdown {
  const iso = today.toISOString().slice(0, 10);
  return { dimensions: [], period: 'year', from: `${iso.slice(0, 4)}-01-01`, to: iso, filters: {} };
}

/**
 * A breakdown read from a URL's search (the API's own parameter names, lists comma-separated), so a
 * table or an export form can be bookmarked and shared. Unknown values are dropped here; the API
 * checks the rest (codes of directory lists, ranges).
 */
export function breakdownFrom(search: URLSearchParams, today = new Date()): Breakdown {
  const fallback = defaultBreakdown(today);
  const filters: Filters = {};
  for (const id of FILTER_IDS) {
    const codes = list(search.get(id));
    if (codes.length) (filters as Record<string, string[]>)[id] = codes;
  }
  return {
    dimensions: [...new Set(list(search.get('dimensions')).filter(isDimension))].slice(
      0,
      MAX_DIMENSIONS,
    ),
    period: isGranularity(search.get('period'))
      ? (search.get('period') as Granularity)
      : fallback.period,
    from: search.get('from') ?? fallback.from,
    to: search.get('to') ?? fallback.to,
    filters,
  };
}

/** The search of a URL that reopens this breakdown (with its measure or measures). */
export function searchOf(breakdown: Breakdown, measures: readonly MeasureId[]): URLSearchParams {
  const search = new URLSearchParams();
  if (measures.length) search.set('measure', measures.join(','));
  if (breakdown.dimensions.length) search.set('dimensions', breakdown.dimensions.join(','));
  search.set('period', breakdown.period);
  search.set('from', breakdown.from);
  search.set('to', breakdown.to);
  for (const id of FILTER_IDS) {
    const codes = breakdown.filters[id];
    if (codes?.length) search.set(id, codes.join(','));
  }
  return search;
}

/** The measures named in a URL (`measure=a,b`), known ones only. */
export function measuresFrom(search: URLSearchParams): MeasureId[] {
  return [...new Set(list(search.get('measure')).filter(isMeasure))];
}

/**
 * The table a URL asks for, or none until it names a measure and both dates: opening the screen
 * computes nothing until the user asks (each table is audited and may take seconds).
 */
export function statisticsParamsFrom(search: URLSearchParams): StatisticsParams | undefined {
  const [measure] = measuresFrom(search);
  if (!measure || !search.get('from') || !search.get('to')) return undefined;
  const breakdown = breakdownFrom(search);
  // An action-type cut on another measure is sent as asked: the API's refusal says why.
  return {
    measure,
    dimensions: breakdown.dimensions,
    period: breakdown.period,
    from: breakdown.from,
    to: breakdown.to,
    ...breakdown.filters,
  };
}
