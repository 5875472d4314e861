import type { operations } from '../../api/schema';

type ListQuery = NonNullable<operations['cases_list']['parameters']['query']>;

/** The list filters kept in the URL, so a view can be bookmarked and the back button works. */
export const FILTERS = [
  { param: 'status', list: 'caseStatuses', label: 'list.status' },
  { param: 'category', list: 'caseCategories', label: 'list.category' },
  { param: 'riskLevel', list: 'riskLevels', label: 'list.risk' },
  { param: 'flag', list: 'vulnerabilityFlags', label: 'list.flag' },
] as const;

/** GET /cases's query from the page's search params (unknown values are the API's to refuse). */
export function listQuery(params: URLSearchParams): ListQuery {
  const query: ListQuery = { limit: 25 };
  const status = params.getAll('status');
  if (status.length) query.status = status as ListQuery['status'];
  const category = params.get('category');
  if (category) query.category = category as ListQuery['category'];
  const riskLevel = params.get('riskLevel');
  if (riskLevel) query.riskLevel = riskLevel as ListQuery['riskLevel'];
  const flag = params.get('flag');
  if (flag) query.flag = flag as ListQuery['flag'];
  const cursor = params.get('cursor');
  if (cursor) query.cursor = cursor;
  return query;
}
