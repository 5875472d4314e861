import { Localized } from '@amparo/core';

export const CONSULATE_TYPES = [
  'embassy_consular_section',
  'consulate_general',
  'consulate',
  'honorary_consulate',
  'mobile_consulate',
] as const;
export type ConsulateType = (typeof CONSULATE_TYPES)[number];

export const FOCAL_TOPICS = [
  'children',
  'trafficking',
  'emergencies',
  'detention',
  'labour',
  'health',
  'returns',
] as const;
export type FocalTopic = (typeof FOCAL_TOPICS)[number];

export const ORGANISATION_TYPES = [
  'civil_society',
  'international_organisation',
  'government_agency',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_SERVICES = [
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
] as const;
export type OrganisationService = (typeof ORGANISATION_SERVICES)[number];

/** Labels of the code lists, for exports and the UI. */
export const FOCAL_TOPIC_LABELS: Record<FocalTopic, Localized> = {
  children: { es: 'Niñez', en: 'Children' },
  trafficking: { es: 'Trata de personas', en: 'Trafficking' },
  emergencies: { es: 'Emergencias', en: 'Emergencies' },
  detention: { es: 'Detención', en: 'Detention' },
  labour: { es: 'Derechos laborales', en: 'Labour' },
  health: { es: 'Salud', en: 'Health' },
  returns: { es: 'Retorno', en: 'Returns' },
};
