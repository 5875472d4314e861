/**
 * The crisis API's shapes as the issue-17 contract gives them. Written by hand while the API is
 * built beside these screens; replaced by the generated `components['schemas']` once it lands.
 */
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

export const EVENT_TYPES = [
  'hurricane',
  'earthquake',
  'flood',
  'fire',
  'armed_conflict',
  'mass_accident',
  'epidemic',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type EventStatus = 'active' | 'winding_down' | 'closed';
export type WelfareCounts = Partial<Record<WelfareStatus, number>>;

export interface CrisisEvent {
  id: string;
  countryCode: string;
  name: string;
  type: EventType;
  hostCountryCode: string;
  hostSubdivisions: string[];
  consulateIds: string[];
  startedAt: string;
  endedAt: string | null;
  status: EventStatus;
  declaredAt: string;
  version: number;
  counts?: { total: number; unaccounted: number };
  callerMay?: { manage: boolean; write: boolean };
}

export interface CrisisDocument {
  type: string;
  number: string;
  country?: string | null;
}

export interface WelfareChange {
  id: string;
  status: WelfareStatus;
  previousStatus: WelfareStatus | null;
  note: string | null;
  changedBy: string;
  changedByName: string | null;
  changedAt: string;
}

export interface RosterEntry {
  id: string;
  eventId: string;
  givenNames: string;
  familyNames: string;
  document: CrisisDocument | null;
  contact: string | null;
  locationSubdivision: string | null;
  locationText: string | null;
  welfareStatus: WelfareStatus;
  welfareChangedAt: string;
  source: 'rapid_intake' | 'import';
  recordedAt: string;
  caseId: string | null;
  version: number;
  /** Oldest first; on GET …/roster/{entryId} only. */
  welfareHistory?: WelfareChange[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CreateEventBody {
  name: string;
  type: EventType;
  hostCountryCode: string;
  hostSubdivisions: string[];
  startedAt: string;
  consulateIds: string[];
}

export interface IntakeBody {
  givenNames: string;
  familyNames?: string;
  document?: CrisisDocument;
  contact?: string;
  locationSubdivision?: string;
  locationText?: string;
  welfareStatus: WelfareStatus;
}

export interface RosterFilter {
  welfareStatus?: WelfareStatus;
  subdivision?: string;
  q?: string;
  cursor?: string;
}

export interface Dashboard {
  byWelfareStatus: WelfareCounts;
  bySubdivision: { subdivision: string | null; counts: WelfareCounts }[];
  overTime: { date: string; counts: WelfareCounts }[];
}

export type EnquiryStatus = 'open' | 'matched' | 'answered' | 'closed';

export interface Enquiry {
  id: string;
  eventId: string;
  relativeName: string;
  relativeContact: string;
  relationship: string | null;
  soughtGivenNames: string;
  soughtFamilyNames: string | null;
  soughtDetails: string | null;
  status: EnquiryStatus;
  matchedEntryId: string | null;
  matchedEntry?: RosterEntry | null;
  answer: string | null;
  createdAt: string;
  suggestions?: { entry: RosterEntry; score: number }[];
}

export interface EnquiryBody {
  relativeName: string;
  relativeContact: string;
  relationship?: string;
  soughtGivenNames: string;
  soughtFamilyNames?: string;
  soughtDetails?: string;
}

export type MovementMode = 'flight' | 'bus' | 'boat' | 'other';
export const MOVEMENT_MODES: readonly MovementMode[] = ['flight', 'bus', 'boat', 'other'];

export interface Movement {
  id: string;
  eventId: string;
  mode: MovementMode;
  label: string;
  departsAt: string;
  from: string;
  to: string;
  passengerCount?: number;
  passengers?: RosterEntry[];
}

export interface MovementBody {
  mode: MovementMode;
  label: string;
  departsAt: string;
  from: string;
  to: string;
}

export interface DemobiliseResult {
  casesOpened: { entryId: string; caseId: string; reference: string }[];
}
