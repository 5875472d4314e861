import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { Organisation } from './use-organisation';

/** A country's referral network is tens or hundreds of organisations: a few pages at most. */
const MAX_PAGES = 10;

async function allOrganisations(): Promise<Organisation[]> {
  const all: Organisation[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, nextCursor } = await unwrap(
      api.GET('/api/v1/organisations', { params: { query: { limit: 200, cursor } } }),
    );
    all.push(...items);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return all;
}

/**
 * Every referral organisation, for the select that picks one (a focal point's grant), as "name
 * (acronym)" sorted by name; inactive ones are marked, not hidden, so a grant for one still shows
 * it. `countries` limits them to those these countries manage (undefined: all of them).
 */
export function useOrganisationOptions(inactiveMark: string, countries?: readonly string[]) {
  const query = useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: allOrganisations,
    staleTime: 5 * 60_000,
  });
  const options = useMemo(
    () =>
      (query.data ?? [])
        .filter(
          (o) =>
            !countries ||
            (o.managedByCountryCode !== null && countries.includes(o.managedByCountryCode)),
        )
        .map((o) => ({
          value: o.id,
          label: `${o.name}${o.acronym ? ` (${o.acronym})` : ''}${o.active ? '' : ` — ${inactiveMark}`}`,
        }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [query.data, inactiveMark, countries],
  );
  return { ...query, options };
}
