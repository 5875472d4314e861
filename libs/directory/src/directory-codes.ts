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
  /** A member country's national child-protection authority (DIF/PFPNNA, PANI, DINAF…). */
  'child_protection_authority',
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
  'reintegration',
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

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, Localized> = {
  civil_society: { es: 'Sociedad civil', en: 'Civil society' },
  international_organisation: { es: 'Organismo internacional', en: 'International organisation' },
  government_agency: { es: 'Institución de gobierno', en: 'Government agency' },
  child_protection_authority: {
    es: 'Autoridad de protección de la niñez',
    en: 'Child-protection authority',
  },
};

export const ORGANISATION_SERVICE_LABELS: Record<OrganisationService, Localized> = {
  legal_aid: { es: 'Asesoría jurídica', en: 'Legal aid' },
  shelter: { es: 'Albergue', en: 'Shelter' },
  health: { es: 'Salud', en: 'Health' },
  psychosocial: { es: 'Apoyo psicosocial', en: 'Psychosocial support' },
  child_protection: { es: 'Protección de la niñez', en: 'Child protection' },
  repatriation_support: { es: 'Apoyo a la repatriación', en: 'Repatriation support' },
  labour: { es: 'Derechos laborales', en: 'Labour rights' },
  documentation: { es: 'Documentación', en: 'Documentation' },
  interpretation: { es: 'Interpretación', en: 'Interpretation' },
  family_tracing: { es: 'Búsqueda de familiares', en: 'Family tracing' },
  food_and_basic_needs: { es: 'Alimentación y necesidades básicas', en: 'Food and basic needs' },
  reintegration: { es: 'Reintegración en el lugar de origen', en: 'Reintegration at origin' },
};
