import {
  ACTION_TYPES,
  CASE_CATEGORIES,
  CASE_STATUSES,
  CLOSURE_REASONS,
  VULNERABILITY_FLAGS,
} from '@amparo/cases';

/** A text a user reads, in both languages of the network. */
export interface Bilingual {
  readonly es: string;
  readonly en: string;
}

const bi = (es: string, en: string): Bilingual => ({ es, en });

/** Labels for every code of the static code lists that statistics publish (docs/domain.md). */
export const CATEGORY_LABELS: Record<(typeof CASE_CATEGORIES)[number], Bilingual> = {
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

export const ACTION_TYPE_LABELS: Record<(typeof ACTION_TYPES)[number], Bilingual> = {
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

export const VULNERABILITY_LABELS: Record<
  (typeof VULNERABILITY_FLAGS)[number] | 'multiple' | 'none',
  Bilingual
> = {
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
  multiple: bi('Dos o más condiciones', 'Two or more flags'),
  none: bi('Ninguna', 'None'),
};

export const STATUS_LABELS: Record<(typeof CASE_STATUSES)[number], Bilingual> = {
  open: bi('Abierto', 'Open'),
  in_progress: bi('En curso', 'In progress'),
  waiting: bi('En espera', 'Waiting'),
  closure_requested: bi('Cierre solicitado', 'Closure requested'),
  closed: bi('Cerrado', 'Closed'),
  reopened: bi('Reabierto', 'Reopened'),
};

export const CLOSURE_REASON_LABELS: Record<(typeof CLOSURE_REASONS)[number] | '_Z', Bilingual> = {
  resolved: bi('Resuelto', 'Resolved'),
  returned_to_country: bi('Retornó al país', 'Returned to country'),
  referred_to_home_institution: bi('Canalizado a institución nacional', 'Referred home'),
  declined_assistance: bi('Rechazó la asistencia', 'Declined assistance'),
  lost_contact: bi('Se perdió el contacto', 'Lost contact'),
  deceased: bi('Falleció', 'Deceased'),
  duplicate: bi('Duplicado', 'Duplicate'),
  _Z: bi('No aplica', 'Not applicable'),
};

export const SEX_LABELS = {
  F: bi('Mujer', 'Female'),
  M: bi('Hombre', 'Male'),
  _O: bi('Intersexual', 'Intersex'),
  _U: bi('Desconocido', 'Unknown'),
} as const satisfies Record<string, Bilingual>;

export const AGE_GROUP_LABELS = {
  Y0T11: bi('0 a 11 años', '0 to 11 years'),
  Y12T17: bi('12 a 17 años', '12 to 17 years'),
  Y18T29: bi('18 a 29 años', '18 to 29 years'),
  Y30T59: bi('30 a 59 años', '30 to 59 years'),
  Y_GE60: bi('60 años o más', '60 years or more'),
  _U: bi('Desconocida', 'Unknown'),
} as const satisfies Record<string, Bilingual>;

export const TOTAL_CODE = '_T';
export const TOTAL_LABEL = bi('Total', 'Total');
export const UNKNOWN_LABEL = bi('Desconocido', 'Unknown');
export const NONE_LABEL = bi('Ninguno', 'None');
