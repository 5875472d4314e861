import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';

export const cooperationQueueKeys = {
  queue: ['cooperation-queue'] as const,
  overrides: ['consent-overrides', 'unreviewed'] as const,
};

export const cooperationQueueQuery = queryOptions({
  queryKey: cooperationQueueKeys.queue,
  queryFn: () => unwrap(api.GET('/api/v1/cooperation-queue')),
});

export const unreviewedOverridesQuery = queryOptions({
  queryKey: cooperationQueueKeys.overrides,
  queryFn: () =>
    unwrap(api.GET('/api/v1/consent-overrides', { params: { query: { status: 'unreviewed' } } })),
});
