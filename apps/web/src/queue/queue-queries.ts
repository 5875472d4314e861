import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { operations } from '../api/schema';

export type CaseListQuery = NonNullable<operations['cases_list']['parameters']['query']>;

/**
 * Under the case screens' `['cases']` prefix, so a write that invalidates the cases refreshes the
 * queue's counts and lists too (the list key is the case list's own: same query, same cache).
 */
export const queueKeys = {
  workQueue: ['cases', 'work-queue'] as const,
  list: (query: CaseListQuery) => ['cases', 'list', query] as const,
  accessRequests: ['access-requests', 'unreviewed'] as const,
};

export const workQueueQuery = queryOptions({
  queryKey: queueKeys.workQueue,
  queryFn: () => unwrap(api.GET('/api/v1/work-queue')),
});

export const unreviewedAccessQuery = queryOptions({
  queryKey: queueKeys.accessRequests,
  queryFn: () =>
    unwrap(api.GET('/api/v1/access-requests', { params: { query: { status: 'unreviewed' } } })),
});
