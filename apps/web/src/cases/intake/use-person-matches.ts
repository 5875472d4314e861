import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { FoundPerson } from './intake-form';

const DEBOUNCE_MS = 400;

/**
 * Registered persons the caller may read whose name is like the one being typed, searched once the
 * names and a birth date or age are in (a name alone matches too many) and the typing has paused.
 * Those born on the same day come first.
 */
export function usePersonMatches(person: {
  givenNames: string;
  familyNames: string;
  dateOfBirth: string;
  estimatedAge: string;
}) {
  const complete =
    person.givenNames.trim() &&
    person.familyNames.trim() &&
    (person.dateOfBirth || person.estimatedAge.trim());
  const wanted = complete ? `${person.givenNames.trim()} ${person.familyNames.trim()}` : '';
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(wanted), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [wanted]);
  const search = useQuery({
    queryKey: ['persons', 'search', q],
    queryFn: () => unwrap(api.GET('/api/v1/persons', { params: { query: { q, limit: 10 } } })),
    enabled: q.length >= 2,
  });
  const born = person.dateOfBirth;
  const matches: FoundPerson[] =
    q.length >= 2 && q === wanted
      ? [...(search.data?.items ?? [])].sort(
          (a, b) => Number(b.dateOfBirth === born) - Number(a.dateOfBirth === born),
        )
      : [];
  return { matches, searching: Boolean(wanted) && (q !== wanted || search.isFetching), q };
}
