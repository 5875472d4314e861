import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';

export type ExportItem = components['schemas']['ExportResponse'];
export type ExportRequest = components['schemas']['ExportRequestBody'];

/** How often the list is asked again while an export is being produced. */
export const EXPORT_POLL_MS = 2000;

export const inProgress = (item: ExportItem) =>
  item.status === 'queued' || item.status === 'running';

/** My export requests and the semester reports I may read; polled while one is in progress. */
export function useExports() {
  return useQuery({
    queryKey: ['exports'],
    queryFn: () => unwrap(api.GET('/api/v1/exports')),
    refetchInterval: (query) => (query.state.data?.items.some(inProgress) ? EXPORT_POLL_MS : false),
  });
}

/** POST /exports; the list is asked again so the new request shows (and polling starts). */
export function useRequestExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ExportRequest) => unwrap(api.POST('/api/v1/exports', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['exports'] }),
  });
}
