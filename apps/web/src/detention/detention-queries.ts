import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';

export type Detention = components['schemas']['DetentionResponse'];
export type DetentionOverdue = components['schemas']['DetentionOverdueResponse'];
export type DetentionQueue = components['schemas']['DetentionQueueResponse'];
export type RecordDetentionRequest = components['schemas']['RecordDetentionRequest'];
export type UpdateDetentionRequest = components['schemas']['UpdateDetentionRequest'];

/** Under the case screens' prefixes: a write to a case refreshes its detentions and the queue. */
export const detentionKeys = {
  ofCase: (caseId: string) => ['cases', 'detail', caseId, 'detentions'] as const,
  queue: ['cases', 'work-queue', 'detentions'] as const,
};

export function useDetentions(caseId: string) {
  return useQuery({
    queryKey: detentionKeys.ofCase(caseId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/cases/{id}/detentions', { params: { path: { id: caseId } } })),
  });
}

export const detentionQueueQuery = queryOptions({
  queryKey: detentionKeys.queue,
  queryFn: () => unwrap(api.GET('/api/v1/work-queue/detentions')),
});
