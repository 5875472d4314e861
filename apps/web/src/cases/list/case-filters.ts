import type { operations } from '../../api/schema';

type ListQuery = NonNullable<operations['cases_list']['parameters']['query']>;

/** The filters chosen with a select on the page, kept in the URL like every other filter. */
export const FILTERS = [
  { param: 'status', list: 'caseStatuses', label: 'list.status' },
  { param: 'category', list: 'caseCategories', label: 'list.category' },
  { param: 'riskLevel', list: 'riskLevels', label: 'list.risk' },
  { param: 'flag', list: 'vulnerabilityFlags', label: 'list.flag' },
] as const;

/**
 * Every URL parameter the list applies, named as GET /cases names them, so a link from the dashboard
 * or the work queue opens exactly the cases it counted. `cursor` is paging, not a filter.
 */
export const URL_FILTERS = [
  'status',
  'category',
  'flag',
  'riskLevel',
  'consulateId',
  'assignedOfficerId',
  'nextStepDueTo',
  'openedFrom',
  'openedTo',
  'closedFrom',
  'closedTo',
  'sort',
] as const;
export type UrlFilter = (typeof URL_FILTERS)[number];

export const SORTS = ['-openedAt', 'nextStepDue'] as const;

/** The statuses asked for: comma-separated (as the dashboard links them) or repeated. */
export function statusesOf(params: URLSearchParams): string[] {
  return params
    .getAll('status')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** The filters present in the URL, in a stable order, with their raw values. */
export function activeFilters(params: URLSearchParams): { param: UrlFilter; value: string }[] {
  return URL_FILTERS.flatMap((param) => {
    const value = param === 'status' ? statusesOf(params).join(',') : (params.get(param) ?? '');
    return value ? [{ param, value }] : [];
  });
}

/** GET /cases's query from the page's search params (unknown values are the API's to refuse). */
export function listQuery(params: URLSearchParams): ListQuery {
  const query: Record<string, unknown> = { limit: 25 };
  for (const { param, value } of activeFilters(params))
    query[param] = param === 'status' ? value.split(',') : value;
  const cursor = params.get('cursor');
  if (cursor) query.cursor = cursor;
  return query as ListQuery;
}

/** The URL without one filter (and from the first page again). */
export function withoutFilter(params: URLSearchParams, param: UrlFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete(param);
  next.delete('cursor');
  return next;
}

/**
 * A midnight-UTC instant of a period bound (the dashboard's links) read as the calendar day it
 * starts, so it is not shown as the day before west of Greenwich.
 */
export function boundDay(value: string): string {
  const day = /^(\d{4}-\d{2}-\d{2})T00:00(:00(\.000)?)?Z$/.exec(value);
  return day ? day[1] : value;
}
