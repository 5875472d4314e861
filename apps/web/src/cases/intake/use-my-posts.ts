import { useQueries } from '@tanstack/react-query';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import { useMe } from '../../shell/use-me';

/**
 * The posts where the signed-in user may register cases (officer or consul grants), with their
 * names from the directory; a name stays empty until it loads.
 */
export function useMyPosts() {
  const me = useMe();
  const ids = [
    ...new Set(
      (me.data?.grants ?? []).flatMap((grant) =>
        (grant.role === 'officer' || grant.role === 'consul') && grant.consulateId
          ? [grant.consulateId]
          : [],
      ),
    ),
  ];
  const consulates = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['consulates', id],
      queryFn: () => unwrap(api.GET('/api/v1/consulates/{id}', { params: { path: { id } } })),
      staleTime: Infinity,
    })),
  });
  return {
    loading: me.isPending,
    posts: ids.map((id, index) => ({
      id,
      name: consulates[index].data?.name ?? '',
      sendingCountryCode: consulates[index].data?.sendingCountryCode,
    })),
  };
}
