import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { useMe } from '../shell/use-me';

/**
 * The posts that may respond to an event declared by the caller: every active post of their
 * country, the caller's own posts first (a consul declares for their post and names others).
 */
export function useCountryPosts() {
  const me = useMe().data;
  const country =
    me?.countryCode ?? me?.grants.find((grant) => grant.countryCode)?.countryCode ?? undefined;
  const own = new Set(me?.grants.flatMap((g) => (g.consulateId ? [g.consulateId] : [])) ?? []);
  const posts = useQuery({
    queryKey: ['consulates', { sendingCountryCode: country, limit: 200 }],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/consulates', {
          params: { query: { sendingCountryCode: country!, limit: 200 } },
        }),
      ),
    enabled: Boolean(country),
    staleTime: 10 * 60_000,
  });
  const items = (posts.data?.items ?? [])
    .filter((post) => post.active)
    .map(({ id, name, postCode }) => ({ id, name, postCode, own: own.has(id) }))
    .sort((a, b) => Number(b.own) - Number(a.own) || a.name.localeCompare(b.name));
  return { posts: items, own, country };
}
