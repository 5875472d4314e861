import { EnquiryStatus } from '../crisis-codes';
import { RosterEntry } from '../roster/roster-entry';

/** A relative's enquiry about a person who may be on the roster, and what they were told. */
export interface Enquiry {
  id: string;
  eventId: string;
  relativeName: string;
  relativeContact: string;
  relationship: string | null;
  soughtGivenNames: string;
  soughtFamilyNames: string;
  soughtDetails: string | null;
  status: EnquiryStatus;
  matchedEntryId: string | null;
  matchedBy: string | null;
  matchedAt: Date | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  closedBy: string | null;
  closedAt: Date | null;
  recordedBy: string;
  recordedConsulateId: string | null;
  recordedAt: Date;
  version: number;
}

/** A roster entry whose name is like the one sought, with how alike (0 to 1). */
export interface EnquirySuggestion {
  entry: RosterEntry;
  score: number;
}

export interface EnquiryDetail extends Enquiry {
  /** The entry the officer confirmed, if any. */
  matchedEntry: RosterEntry | null;
  /** Roster entries like the person sought, most alike first (none once answered or closed). */
  suggestions: EnquirySuggestion[];
}

export interface NewEnquiry {
  relativeName: string;
  relativeContact: string;
  relationship?: string | null;
  soughtGivenNames: string;
  soughtFamilyNames?: string | null;
  soughtDetails?: string | null;
}

export interface EnquiryFilters {
  status?: EnquiryStatus;
  cursor?: string;
  limit?: number;
}

export const ENQUIRY_COLUMNS = `
  q.id, q.event_id AS "eventId", q.relative_name AS "relativeName", q.relative_contact AS "relativeContact",
  q.relationship, q.sought_given_names AS "soughtGivenNames", q.sought_family_names AS "soughtFamilyNames",
  q.sought_details AS "soughtDetails", q.status, q.matched_entry_id AS "matchedEntryId",
  q.matched_by AS "matchedBy", q.matched_at AS "matchedAt", q.answer, q.answered_by AS "answeredBy",
  q.answered_at AS "answeredAt", q.closed_by AS "closedBy", q.closed_at AS "closedAt",
  q.recorded_by AS "recordedBy", q.recorded_consulate_id AS "recordedConsulateId",
  q.recorded_at AS "recordedAt", q.version`;
