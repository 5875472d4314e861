import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/call';
import { api } from '../api/client';
import type { components } from '../api/schema';
import type { Language } from '../shell/i18n';

export type CodeLists = components['schemas']['CodeListsResponse'];
export type CodeListName = keyof CodeLists;
export type Code = components['schemas']['CodeResponse'];

/** The case code lists with their es/en labels (GET /code-lists): fetched once per session. */
export const codeListsQuery = queryOptions({
  queryKey: ['code-lists'],
  queryFn: () => unwrap(api.GET('/api/v1/code-lists')),
  staleTime: Infinity,
});

export function useCodeLists() {
  return useQuery(codeListsQuery);
}

/**
 * `label(list, code)` in the current language; the code itself until the lists have loaded (or
 * for a code this build does not know), so a screen never shows an empty cell.
 */
export function useCodeLabel(): (list: CodeListName, code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const { data } = useCodeLists();
  const language = i18n.language as Language;
  return useCallback(
    (list, code) => {
      if (!code) return '';
      return data?.[list].find((item) => item.code === code)?.label[language] ?? code;
    },
    [data, language],
  );
}
