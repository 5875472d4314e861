import { queryOptions, useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';

export type Me = components['schemas']['MeResponse'];
export type Permission = Me['permissions'][number];
export type Role = Me['grants'][number]['role'];

/** GET /me, shared by the session (its language), the menu and the screens. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => unwrap(api.GET('/api/v1/me')),
  // Who one is changes only through this app (the language switch updates it in place).
  staleTime: 5 * 60_000,
});

/** The signed-in user (GET /me): grants and permissions decide which screens and buttons show. */
export function useMe() {
  return useQuery(meQuery);
}

/**
 * Whether the signed-in user holds a permission: false while /me loads. Only hides what the API
 * would refuse anyway; the API checks every call itself.
 */
export function useHasPermission(permission: Permission): boolean {
  return useMe().data?.permissions.includes(permission) ?? false;
}

/**
 * Whether the signed-in user holds a grant of one of these roles: false while /me loads. For
 * screens the API answers for some roles only (the work queue: officers and consuls).
 */
export function useHasRole(...roles: Role[]): boolean {
  return useMe().data?.grants.some((grant) => roles.includes(grant.role)) ?? false;
}
