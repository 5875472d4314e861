import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters and page cursor live in the URL, so a view can be bookmarked and shared, and
 * the back button returns to the previous page or filters. Applying filters starts at page one.
 */
export function useListParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const found: Partial<Record<K, string>> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value) found[key] = value;
    }
    return found;
  }, [params, keys]);
  const cursor = params.get('cursor') ?? undefined;

  const apply = useCallback(
    (next: Partial<Record<K, string>>) => {
      const search = new URLSearchParams();
      for (const key of keys) {
        const value = next[key]?.trim();
        if (value) search.set(key, value);
      }
      setParams(search);
    },
    [setParams, keys],
  );
  const goToCursor = useCallback(
    (nextCursor: string | undefined) => {
      const search = new URLSearchParams(params);
      if (nextCursor) search.set('cursor', nextCursor);
      else search.delete('cursor');
      setParams(search);
    },
    [params, setParams],
  );
  return { filters, cursor, apply, goToCursor };
}
