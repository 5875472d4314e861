import { Localized } from '@amparo/core';
import {
  ActionType,
  CaseCategory,
  CaseStatus,
  ClosureReason,
  DocumentType,
  Gender,
  HostCountryRole,
  RiskLevel,
  Sex,
  VISIT_PLACE_TYPES,
  VulnerabilityFlag,
} from './case-codes';

/**
 * What each code of the case code lists is called, in both languages of the network: the web app
 * shows these (GET /api/v1/code-lists) and statistics heads its tables with them, so a category
 * reads the same on a case and in a report.
 */
const bi = (es: string, en: string): Localized => ({ es, en });

export const CATEGORY_LABELS: Record<CaseCategory, Localized> = {
  unaccompanied_child: bi('Niñas, niños y adolescentes no acompañados', 'Unaccompanied children'),
  criminal_detention: bi('Detención penal', 'Criminal detention'),
  immigration_detention: bi('Detención migratoria', 'Immigration detention'),
  return: bi('Retorno', 'Return'),
  trafficking: bi('Trata de personas', 'Trafficking in persons'),
  smuggling_harm: bi('Daños por tráfico ilícito de migrantes', 'Harm from migrant smuggling'),
  labour_rights: bi('Derechos laborales', 'Labour rights'),
  health: bi('Salud', 'Health'),
  death: bi('Defunción', 'Death'),
  whereabouts: bi('Localización de personas', 'Whereabouts'),
  family_civil: bi('Asuntos familiares y civiles', 'Family and civil matters'),
  human_rights: bi('Derechos humanos', 'Human rights'),
  crime_victim: bi('Víctima de delito', 'Crime victim'),
  crisis: bi('Situación de crisis', 'Crisis'),
  asylum: bi('Asilo', 'Asylum'),
  documentation: bi('Documentación', 'Documentation'),
};

export const ACTION_TYPE_LABELS: Record<ActionType, Localized> = {
  interview: bi('Entrevista', 'Interview'),
  consular_visit: bi('Visita consular', 'Consular visit'),
  arrest_notification_received: bi('Notificación de detención recibida', 'Arrest notification'),
  family_notification: bi('Notificación a familiares', 'Family notification'),
  legal_orientation: bi('Orientación jurídica', 'Legal orientation'),
  legal_representation: bi('Representación legal', 'Legal representation'),
  referral: bi('Canalización', 'Referral'),
  authority_liaison: bi('Gestión ante autoridades', 'Liaison with authorities'),
  emergency_document: bi('Documento de emergencia', 'Emergency document'),
  nationality_verification: bi('Verificación de nacionalidad', 'Nationality verification'),
  financial_assistance: bi('Apoyo económico', 'Financial assistance'),
  repatriation: bi('Repatriación', 'Repatriation'),
  accompanied_return: bi('Retorno acompañado', 'Accompanied return'),
  remains_repatriation: bi('Repatriación de restos', 'Repatriation of remains'),
  search_and_location: bi('Búsqueda y localización', 'Search and location'),
  proceedings_follow_up: bi('Seguimiento de procesos', 'Proceedings follow-up'),
  detention_monitoring: bi('Monitoreo de detención', 'Detention monitoring'),
  evacuation: bi('Evacuación', 'Evacuation'),
  interpretation: bi('Interpretación', 'Interpretation'),
  follow_up_contact: bi('Contacto de seguimiento', 'Follow-up contact'),
};

export const VULNERABILITY_FLAG_LABELS: Record<VulnerabilityFlag, Localized> = {
  unaccompanied_child: bi('Niña, niño o adolescente no acompañado', 'Unaccompanied child'),
  separated_child: bi('Niña, niño o adolescente separado', 'Separated child'),
  child_of_irregular_migrant: bi('Hija o hijo de migrante irregular', 'Child of irregular migrant'),
  trafficking_indicators: bi('Indicios de trata', 'Trafficking indicators'),
  gbv_survivor: bi('Sobreviviente de violencia de género', 'Gender-based violence survivor'),
  older_person: bi('Persona adulta mayor', 'Older person'),
  disability: bi('Discapacidad', 'Disability'),
  pregnancy: bi('Embarazo', 'Pregnancy'),
  serious_illness: bi('Enfermedad grave', 'Serious illness'),
  mental_health: bi('Salud mental', 'Mental health'),
  indigenous_language: bi('Habla una lengua indígena', 'Indigenous language speaker'),
  lgbti: bi('Persona LGBTI', 'LGBTI person'),
  detained: bi('Persona detenida', 'Detained'),
  death_penalty_exposure: bi('Riesgo de pena de muerte', 'Death penalty exposure'),
  stateless_or_undocumented: bi('Apátrida o indocumentada', 'Stateless or undocumented'),
  asylum_seeker: bi('Solicitante de asilo', 'Asylum seeker'),
  security_risk: bi('Riesgo de seguridad', 'Security risk'),
};

export const STATUS_LABELS: Record<CaseStatus, Localized> = {
  open: bi('Abierto', 'Open'),
  in_progress: bi('En curso', 'In progress'),
  waiting: bi('En espera', 'Waiting'),
  closure_requested: bi('Cierre solicitado', 'Closure requested'),
  closed: bi('Cerrado', 'Closed'),
  reopened: bi('Reabierto', 'Reopened'),
};

export const CLOSURE_REASON_LABELS: Record<ClosureReason, Localized> = {
  resolved: bi('Resuelto', 'Resolved'),
  returned_to_country: bi('Retornó al país', 'Returned to country'),
  referred_to_home_institution: bi('Canalizado a institución nacional', 'Referred home'),
  declined_assistance: bi('Rechazó la asistencia', 'Declined assistance'),
  lost_contact: bi('Se perdió el contacto', 'Lost contact'),
  deceased: bi('Falleció', 'Deceased'),
  duplicate: bi('Duplicado', 'Duplicate'),
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, Localized> = {
  low: bi('Bajo', 'Low'),
  medium: bi('Medio', 'Medium'),
  high: bi('Alto', 'High'),
  critical: bi('Crítico', 'Critical'),
};

export const SEX_LABELS: Record<Sex, Localized> = {
  female: bi('Mujer', 'Female'),
  male: bi('Hombre', 'Male'),
  intersex: bi('Intersexual', 'Intersex'),
  unknown: bi('Desconocido', 'Unknown'),
};

export const GENDER_LABELS: Record<Gender, Localized> = {
  woman: bi('Mujer', 'Woman'),
  man: bi('Hombre', 'Man'),
  non_binary: bi('No binario', 'Non-binary'),
  other: bi('Otro', 'Other'),
};

export const HOST_COUNTRY_ROLE_LABELS: Record<HostCountryRole, Localized> = {
  origin: bi('Origen', 'Origin'),
  transit: bi('Tránsito', 'Transit'),
  destination: bi('Destino', 'Destination'),
};

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, Localized> = {
  passport: bi('Pasaporte', 'Passport'),
  national_id: bi('Documento nacional de identidad', 'National identity document'),
  birth_certificate: bi('Acta de nacimiento', 'Birth certificate'),
  consular_id: bi('Matrícula consular', 'Consular identity card'),
  travel_document: bi('Documento de viaje', 'Travel document'),
  other: bi('Otro', 'Other'),
};

export const PLACE_TYPE_LABELS: Record<(typeof VISIT_PLACE_TYPES)[number], Localized> = {
  detention_centre: bi('Centro de detención', 'Detention centre'),
  hospital: bi('Hospital', 'Hospital'),
  shelter: bi('Albergue', 'Shelter'),
  court: bi('Tribunal', 'Court'),
  other: bi('Otro lugar', 'Other place'),
};
