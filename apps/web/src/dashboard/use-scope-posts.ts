import { useQueries } from '@tanstack/react-query';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import { useMe } from '../shell/use-me';

export interface ScopePost {
  id: string;
  name: string;
  postCode: string;
}

/**
 * The posts the dashboard may be narrowed to, as GET /caseload accepts them: every post of the
 * countries the user supervises, and the posts of their consul or officer grants.
 */
export function useScopePosts(): ScopePost[] {
  const me = useMe().data;
  const grants = me?.grants ?? [];
  const supervised = grants.flatMap((g) =>
    g.role === 'supervisor' && g.countryCode ? [g.countryCode] : [],
  );
  const ownPosts = new Set(
    grants.flatMap((g) =>
      (g.role === 'officer' || g.role === 'consul') && g.consulateId ? [g.consulateId] : [],
    ),
  );
  const countries = [
    ...new Set([...supervised, ...(ownPosts.size && me?.countryCode ? [me.countryCode] : [])]),
  ];
  const results = useQueries({
    queries: countries.map((country) => ({
      queryKey: ['consulates', { sendingCountryCode: country, limit: 200 }],
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/consulates', {
            params: { query: { sendingCountryCode: country, limit: 200 } },
          }),
        ),
      staleTime: 10 * 60_000,
    })),
  });
  return results
    .flatMap((result) => result.data?.items ?? [])
    .filter((post) => supervised.includes(post.sendingCountryCode) || ownPosts.has(post.id))
    .map(({ id, name, postCode }) => ({ id, name, postCode }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
