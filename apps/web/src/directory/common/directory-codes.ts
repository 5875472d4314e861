import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/**
 * The directory's code lists, in the order the API declares them. The API serves no labels for
 * them (GET /code-lists holds the case lists only), so their es/en labels are this folder's
 * messages (`codes.*`), kept in step with libs/directory/src/directory-codes.ts.
 */
export const DIRECTORY_CODES = {
  consulateTypes: [
    'embassy_consular_section',
    'consulate_general',
    'consulate',
    'honorary_consulate',
    'mobile_consulate',
  ] satisfies Schemas['ConsulateResponse']['type'][],
  topics: [
    'children',
    'trafficking',
    'emergencies',
    'detention',
    'labour',
    'health',
    'returns',
  ] satisfies Schemas['OfficialResponse']['topics'],
  organisationTypes: [
    'civil_society',
    'international_organisation',
    'government_agency',
    'child_protection_authority',
  ] satisfies Schemas['OrganisationResponse']['type'][],
  services: [
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
  ] satisfies Schemas['OrganisationResponse']['services'],
} as const;

export type DirectoryCodeList = keyof typeof DIRECTORY_CODES;

/** `label(list, code)` in the current language; an unknown code shows as itself. */
export function useDirectoryLabel(): (list: DirectoryCodeList, code: string) => string {
  const { t } = useTranslation('directory');
  return useCallback((list, code) => t(`codes.${list}.${code}`, { defaultValue: code }), [t]);
}

/** The options of a select or checkbox group over one directory code list. */
export function useDirectoryOptions(list: DirectoryCodeList) {
  const label = useDirectoryLabel();
  return useMemo(
    () => DIRECTORY_CODES[list].map((code) => ({ value: code, label: label(list, code) })),
    [list, label],
  );
}
