import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';

export type Country = components['schemas']['CountryResponse'];

/** Every ISO 3166-1 country (one page), sorted by its name in the current language. */
export function useCountries() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['countries'],
    queryFn: () => unwrap(api.GET('/api/v1/countries')),
    staleTime: Infinity,
  });
  const language = i18n.language;
  const countries = useMemo(() => {
    const items = [...(query.data?.items ?? [])];
    const name = (c: Country) => (language === 'en' ? c.nameEn : c.nameEs);
    return items.sort((a, b) => name(a).localeCompare(name(b), language));
  }, [query.data, language]);
  const countryName = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '';
      const found = query.data?.items.find((c) => c.code === code);
      return found ? (language === 'en' ? found.nameEn : found.nameEs) : code;
    },
    [query.data, language],
  );
  return { countries, countryName, query };
}
