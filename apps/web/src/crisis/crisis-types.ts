import type { components } from '../api/schema';

type Schemas = components['schemas'];

/**
 * The crisis API's shapes: the generated ones (docs/openapi.json) for the routes that have landed,
 * and by hand, from the issue-17 contract, for those still being built (enquiries, movements,
 * dashboard, demobilisation); each of those is replaced by its generated type when it lands.
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

export type CrisisEvent = Schemas['CrisisEventResponse'];

export type CrisisDocument = Schemas['RosterDocumentResponse'];

export type WelfareChange = Schemas['WelfareChangeResponse'];

/** An entry; `welfareHistory` (oldest first) on GET …/roster/{entryId} only. */
export type RosterEntry = Schemas['RosterEntryResponse'] & { welfareHistory?: WelfareChange[] };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type CreateEventBody = Schemas['DeclareCrisisEventRequest'];

export type IntakeBody = Schemas['RapidIntakeRequest'];

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
