import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';

/** GET /me, shared by the session (its language) and the account page. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async () => {
    const { data, error } = await api.GET('/api/v1/me');
    if (error) throw new Error(error.detail ?? error.title);
    return data;
  },
  // Who one is changes only through this app (the language switch updates it in place).
  staleTime: 5 * 60_000,
});
