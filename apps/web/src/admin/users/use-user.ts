import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';

export type User = components['schemas']['UserResponse'];
export type Role = components['schemas']['GrantRequest']['role'];

export const userKey = (id: string) => ['users', 'one', id] as const;

/** One user the caller administers, with their grants (GET /users/{id}). */
export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: userKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}
