import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/call';
import { api } from '../../api/client';
import type { components } from '../../api/schema';

export type Country = components['schemas']['CountryResponse'];
export type Subdivision = components['schemas']['SubdivisionResponse'];

/** ISO 3166-1 countries (GET /countries, one page): reference data, fetched once per session. */
export function useCountries() {
  return useQuery({
    queryKey: ['countries'],
    queryFn: () => unwrap(api.GET('/api/v1/countries')),
    staleTime: Infinity,
  });
}

/** The countries sorted by their name in the current language, with that name. */
export function useCountryOptions(): { code: string; name: string; member: boolean }[] {
  const { i18n } = useTranslation();
  const { data } = useCountries();
  return useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return (data?.items ?? [])
      .map((country) => ({
        code: country.code,
        name: i18n.language === 'en' ? country.nameEn : country.nameEs,
        member: country.member,
      }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [data, i18n.language]);
}

/** `name(code)`: a country's name in the current language; the code until the list has loaded. */
export function useCountryName(): (code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const { data } = useCountries();
  return useCallback(
    (code) => {
      if (!code) return '';
      const country = data?.items.find((item) => item.code === code);
      if (!country) return code;
      return i18n.language === 'en' ? country.nameEn : country.nameEs;
    },
    [data, i18n.language],
  );
}

/** ISO 3166-2 subdivisions of one country (none asked for until a country is chosen). */
export function useSubdivisions(countryCode: string | undefined) {
  return useQuery({
    queryKey: ['countries', countryCode, 'subdivisions'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/countries/{code}/subdivisions', {
          params: { path: { code: countryCode! } },
        }),
      ),
    enabled: Boolean(countryCode),
    staleTime: Infinity,
  });
}

/** The subdivisions of several countries, as options "name (code)", for a multiple choice. */
export function useSubdivisionOptions(countryCodes: readonly string[]) {
  const results = useQueries({
    queries: countryCodes.map((code) => ({
      queryKey: ['countries', code, 'subdivisions'],
      queryFn: () =>
        unwrap(api.GET('/api/v1/countries/{code}/subdivisions', { params: { path: { code } } })),
      staleTime: Infinity,
    })),
  });
  const items = results.flatMap((result) => result.data?.items ?? []);
  return items.map((s) => ({ code: s.code, name: `${s.name} (${s.code})` }));
}
