/** Kinds of event (DOMAIN: crisis event, MICIC). */
export const CRISIS_EVENT_TYPES = [
  'hurricane',
  'earthquake',
  'flood',
  'fire',
  'armed_conflict',
  'mass_accident',
  'epidemic',
  'other',
] as const;
export type CrisisEventType = (typeof CRISIS_EVENT_TYPES)[number];

export const CRISIS_EVENT_STATUSES = ['active', 'winding_down', 'closed'] as const;
export type CrisisEventStatus = (typeof CRISIS_EVENT_STATUSES)[number];

/** What is known of an affected national, from "no news yet" to the outcome. */
export const WELFARE_STATUSES = [
  'unaccounted',
  'safe',
  'needs_assistance',
  'injured',
  'missing',
  'deceased',
  'evacuated',
] as const;
export type WelfareStatus = (typeof WELFARE_STATUSES)[number];

/** The persons demobilisation opens a case for unless told otherwise: those still needing help. */
export const STILL_NEEDING_HELP: readonly WelfareStatus[] = [
  'needs_assistance',
  'injured',
  'missing',
];

export const ROSTER_SOURCES = ['rapid_intake', 'import'] as const;
export type RosterSource = (typeof ROSTER_SOURCES)[number];

export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'birth_certificate',
  'consular_id',
  'travel_document',
  'other',
] as const;
export type RosterDocumentType = (typeof DOCUMENT_TYPES)[number];

export const ROSTER_SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export type RosterSex = (typeof ROSTER_SEXES)[number];

export const ENQUIRY_STATUSES = ['open', 'matched', 'answered', 'closed'] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];

export const MOVEMENT_MODES = ['flight', 'bus', 'boat', 'other'] as const;
export type MovementMode = (typeof MOVEMENT_MODES)[number];
