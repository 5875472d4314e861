import type { components } from '../api/schema';

type Schemas = components['schemas'];

/** The crisis API's shapes, as docs/openapi.json declares them (`npm run web:types`). */
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

export type UpdateEventBody = Schemas['UpdateCrisisEventRequest'];

export type IntakeBody = Schemas['RapidIntakeRequest'];

export interface RosterFilter {
  welfareStatus?: WelfareStatus;
  subdivision?: string;
  q?: string;
  cursor?: string;
}

export type Dashboard = Schemas['CrisisDashboardResponse'];

export type EnquiryStatus = 'open' | 'matched' | 'answered' | 'closed';

/** An enquiry; the detail (GET …/enquiries/{enquiryId}) adds the match and the suggestions. */
export type Enquiry = Schemas['EnquiryResponse'] &
  Partial<Pick<Schemas['EnquiryDetailResponse'], 'matchedEntry' | 'suggestions'>>;

export type EnquiryBody = Schemas['CreateEnquiryRequest'];

export type MovementMode = 'flight' | 'bus' | 'boat' | 'other';
export const MOVEMENT_MODES: readonly MovementMode[] = ['flight', 'bus', 'boat', 'other'];

/** A movement; the detail (GET …/movements/{movementId}) adds its passengers. */
export type Movement = Schemas['MovementResponse'] & { passengers?: RosterEntry[] };

export type MovementBody = Schemas['CreateMovementRequest'];

export type DemobiliseResult = Schemas['DemobilisationResponse'];
