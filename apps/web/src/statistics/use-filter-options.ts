import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { useCodeLists, type CodeListName } from '../codes/use-code-lists';
import type { Language } from '../shell/i18n';
import { all, type FilterId, type Filters } from './statistics-model';

export interface FilterOption {
  code: string;
  label: string;
}

type Consulate = components['schemas']['ConsulateResponse'];

const CONSULATE_PAGE = 200;
/** Enough for any network's posts; past it the list would be too long to pick from anyway. */
const MAX_CONSULATE_PAGES = 10;

function useCountries() {
  return useQuery({
    queryKey: ['countries'],
    queryFn: () => unwrap(api.GET('/api/v1/countries')),
    staleTime: Infinity,
  });
}

function useConsulates() {
  return useQuery({
    queryKey: ['consulates', 'all'],
    queryFn: async () => {
      const all: Consulate[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_CONSULATE_PAGES; page++) {
        const { items, nextCursor } = await unwrap(
          api.GET('/api/v1/consulates', { params: { query: { limit: CONSULATE_PAGE, cursor } } }),
        );
        all.push(...items);
        if (!nextCursor) break;
        cursor = nextCursor;
      }
      return all;
    },
    staleTime: 10 * 60_000,
  });
}

/** The case code list whose codes a filter shares, and the codes statistics add to it. */
const FROM_CODE_LISTS: Partial<Record<FilterId, { list: CodeListName; extra: string[] }>> = {
  category: { list: 'caseCategories', extra: [] },
  vulnerability: { list: 'vulnerabilityFlags', extra: ['multiple', 'none'] },
  vulnerability_flag: { list: 'vulnerabilityFlags', extra: [] },
  status: { list: 'caseStatuses', extra: [] },
  closure_reason: { list: 'closureReasons', extra: ['_Z'] },
  action_type: { list: 'actionTypes', extra: [] },
  host_country_role: { list: 'hostCountryRoles', extra: ['_U'] },
  gender: { list: 'genders', extra: ['_U'] },
};

type CodeOf<F extends FilterId> = NonNullable<Filters[F]>[number];

/** Statistics' own code lists (SDMX-style codes the case screens do not use, and the directory's). */
const OWN_CODES: Partial<Record<FilterId, readonly string[]>> = {
  sex: ['F', 'M', '_O', '_U'],
  age_group: ['Y0T11', 'Y12T17', 'Y18T29', 'Y30T59', 'Y_GE60', '_U'],
  organisation_type: all<CodeOf<'organisation_type'>>()([
    'civil_society',
    'international_organisation',
    'government_agency',
    'child_protection_authority',
  ] as const),
  referral_service: all<CodeOf<'referral_service'>>()([
    'legal_aid',
    'shelter',
    'health',
    'psychosocial',
    'child_protection',
    'repatriation_support',
    'labour',
    'documentation',
    'interpretation',
    'family_tracing',
    'food_and_basic_needs',
    'reintegration',
    'multiple',
  ] as const),
  assistance_kind: all<CodeOf<'assistance_kind'>>()(['assistance', 'notification'] as const),
  return_mode: all<CodeOf<'return_mode'>>()(['land', 'air', 'sea'] as const),
  temporary_worker: all<CodeOf<'temporary_worker'>>()(['Y', 'N'] as const),
};

/**
 * The codes each filter offers, labelled in the current language: case code lists, statistics'
 * own codes, the countries and the posts of the directory. A filter without options (subdivisions,
 * crisis events) is not offered; a bookmarked URL may still carry it.
 */
export function useFilterOptions(): {
  options: Partial<Record<FilterId, FilterOption[]>>;
  loading: boolean;
} {
  const { t, i18n } = useTranslation('statistics');
  const language = i18n.language as Language;
  const codeLists = useCodeLists();
  const countries = useCountries();
  const consulates = useConsulates();
  const options: Partial<Record<FilterId, FilterOption[]>> = {};

  for (const [id, source] of Object.entries(FROM_CODE_LISTS)) {
    const list = codeLists.data?.[source.list];
    if (!list) continue;
    options[id as FilterId] = [
      ...list.map((c) => ({ code: c.code, label: c.label[language] })),
      ...source.extra.map((code) => ({ code, label: t(`codes.${id}.${code}`) })),
    ];
  }
  for (const [id, codes] of Object.entries(OWN_CODES)) {
    options[id as FilterId] = codes.map((code) => ({ code, label: t(`codes.${id}.${code}`) }));
  }
  const countryOptions = (countries.data?.items ?? []).map((c) => ({
    code: c.code,
    label: `${language === 'en' ? c.nameEn : c.nameEs} (${c.code})`,
    member: c.member,
  }));
  if (countries.data) {
    options.sending_country = countryOptions.filter((c) => c.member);
    options.host_country = countryOptions;
    options.receiving_country = countryOptions.filter((c) => c.member);
    options.nationality = countryOptions;
  }
  if (consulates.data) {
    options.consulate = consulates.data.map((c) => {
      const code = `${c.sendingCountryCode}-${c.postCode}`;
      return { code, label: `${c.name} (${code})` };
    });
  }
  return {
    options,
    loading: codeLists.isPending || countries.isPending || consulates.isPending,
  };
}
