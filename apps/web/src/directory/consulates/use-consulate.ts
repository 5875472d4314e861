import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';

export type Consulate = components['schemas']['ConsulateResponse'];

export const consulateKey = (id: string) => ['consulates', 'one', id] as const;

/** One consular post (GET /consulates/{id}). */
export function useConsulate(id: string | undefined) {
  return useQuery({
    queryKey: consulateKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/consulates/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}
