import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { Consulate } from './use-consulate';

/** A network holds tens of posts, not thousands: a few pages at most, read once per session. */
const MAX_PAGES = 10;

async function allConsulates(): Promise<Consulate[]> {
  const all: Consulate[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, nextCursor } = await unwrap(
      api.GET('/api/v1/consulates', { params: { query: { limit: 200, cursor } } }),
    );
    all.push(...items);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return all;
}

/**
 * Every consular post, for the selects that pick one (an official's post, an officer's grant),
 * as "name (post code)" sorted by name; inactive posts are marked, not hidden, so a record that
 * refers to one still shows it. `countries` limits them to the posts of those sending countries.
 */
export function useConsulateOptions(inactiveMark: string, countries?: readonly string[]) {
  const query = useQuery({
    queryKey: ['consulates', 'all'],
    queryFn: allConsulates,
    staleTime: 5 * 60_000,
  });
  const options = useMemo(
    () =>
      (query.data ?? [])
        .filter((c) => !countries || countries.includes(c.sendingCountryCode))
        .map((c) => ({
          value: c.id,
          label: `${c.name} (${c.sendingCountryCode}-${c.postCode})${c.active ? '' : ` — ${inactiveMark}`}`,
          sendingCountryCode: c.sendingCountryCode,
        }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [query.data, inactiveMark, countries],
  );
  return { ...query, options };
}
