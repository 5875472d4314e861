/** Code lists of docs/domain.md (Case categories, Consular action types, Vulnerability flags, workflow). */
export const CASE_CATEGORIES = [
  'unaccompanied_child',
  'criminal_detention',
  'immigration_detention',
  'return',
  'trafficking',
  'smuggling_harm',
  'labour_rights',
  'health',
  'death',
  'whereabouts',
  'family_civil',
  'human_rights',
  'crime_victim',
  'crisis',
  'asylum',
  'documentation',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const ACTION_TYPES = [
  'interview',
  'consular_visit',
  'arrest_notification_received',
  'family_notification',
  'legal_orientation',
  'legal_representation',
  'referral',
  'authority_liaison',
  'emergency_document',
  'nationality_verification',
  'financial_assistance',
  'repatriation',
  'accompanied_return',
  'remains_repatriation',
  'search_and_location',
  'proceedings_follow_up',
  'detention_monitoring',
  'evacuation',
  'interpretation',
  'follow_up_contact',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const VULNERABILITY_FLAGS = [
  'unaccompanied_child',
  'separated_child',
  'child_of_irregular_migrant',
  'trafficking_indicators',
  'gbv_survivor',
  'older_person',
  'disability',
  'pregnancy',
  'serious_illness',
  'mental_health',
  'indigenous_language',
  'lgbti',
  'detained',
  'death_penalty_exposure',
  'stateless_or_undocumented',
  'asylum_seeker',
  'security_risk',
] as const;
export type VulnerabilityFlag = (typeof VULNERABILITY_FLAGS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const CASE_STATUSES = [
  'open',
  'in_progress',
  'waiting',
  'closure_requested',
  'closed',
  'reopened',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSURE_REASONS = [
  'resolved',
  'returned_to_country',
  'referred_to_home_institution',
  'declined_assistance',
  'lost_contact',
  'deceased',
  'duplicate',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** The person's gender as a code, beside the free-text gender identity; null when not recorded. */
export const GENDERS = ['woman', 'man', 'non_binary', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** The part the host country plays in the national's migration; null when not recorded. */
export const HOST_COUNTRY_ROLES = ['origin', 'transit', 'destination'] as const;
export type HostCountryRole = (typeof HOST_COUNTRY_ROLES)[number];

export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'birth_certificate',
  'consular_id',
  'travel_document',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const VISIT_PLACE_TYPES = [
  'detention_centre',
  'hospital',
  'shelter',
  'court',
  'other',
] as const;
