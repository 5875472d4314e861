import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';

export type Official = components['schemas']['OfficialResponse'];

export const officialKey = (id: string) => ['officials', 'one', id] as const;

/** One accredited official (GET /officials/{id}). */
export function useOfficial(id: string | undefined) {
  return useQuery({
    queryKey: officialKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/officials/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}
