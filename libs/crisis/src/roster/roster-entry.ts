import { RosterDocumentType, RosterSex, RosterSource, WelfareStatus } from '../crisis-codes';

/** A person on an event's roster, as stored and shown to the event's staff. */
export interface RosterEntry {
  id: string;
  eventId: string;
  givenNames: string;
  familyNames: string;
  document: { type: RosterDocumentType; number: string; country: string | null } | null;
  contact: string | null;
  locationSubdivision: string | null;
  locationText: string | null;
  dateOfBirth: string | null;
  sex: RosterSex | null;
  welfareStatus: WelfareStatus;
  welfareChangedAt: Date;
  welfareChangedBy: string;
  source: RosterSource;
  importId: string | null;
  recordedBy: string;
  recordedConsulateId: string | null;
  recordedAt: Date;
  /** Set at demobilisation: the ordinary case opened for the person, and the person. */
  caseId: string | null;
  personId: string | null;
  version: number;
}

/** One welfare status as it was set: by whom, when, from what, and why. */
export interface WelfareChange {
  id: string;
  status: WelfareStatus;
  previousStatus: WelfareStatus | null;
  note: string | null;
  changedBy: string;
  changedByName: string | null;
  changedAt: Date;
}

export interface RosterEntryWithHistory extends RosterEntry {
  welfareHistory: WelfareChange[];
}

/** What rapid intake (or one imported row) puts on the roster. */
export interface NewRosterEntry {
  givenNames: string;
  familyNames?: string | null;
  document?: { type: RosterDocumentType; number: string; country?: string | null } | null;
  contact?: string | null;
  locationSubdivision?: string | null;
  locationText?: string | null;
  dateOfBirth?: string | null;
  sex?: RosterSex | null;
  welfareStatus?: WelfareStatus;
  /** Import only: the row's identity hash, so the same person imported twice is one entry. */
  dedupeKey?: string | null;
}

/** Who puts entries on the roster, and from where: rapid intake's caller, or an import's. */
export interface RosterWriter {
  userId: string;
  consulateId: string | null;
  source: 'rapid_intake' | 'import';
  importId?: string | null;
}

export interface RosterFilters {
  welfareStatus?: WelfareStatus;
  subdivision?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

/** Columns of `crisis_roster_entries r`, the document flattened (see `toEntry`). */
export const ENTRY_COLUMNS = `
  r.id, r.event_id AS "eventId", r.given_names AS "givenNames", r.family_names AS "familyNames",
  r.document_type AS "documentType", r.document_number AS "documentNumber", r.document_country AS "documentCountry",
  r.contact, r.location_subdivision AS "locationSubdivision", r.location_text AS "locationText",
  to_char(r.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", r.sex, r.welfare_status AS "welfareStatus",
  r.welfare_changed_at AS "welfareChangedAt", r.welfare_changed_by AS "welfareChangedBy", r.source,
  r.import_id AS "importId", r.recorded_by AS "recordedBy", r.recorded_consulate_id AS "recordedConsulateId",
  r.recorded_at AS "recordedAt", r.case_id AS "caseId", r.person_id AS "personId", r.version`;

export type EntryRow = Omit<RosterEntry, 'document'> & {
  documentType: RosterDocumentType | null;
  documentNumber: string | null;
  documentCountry: string | null;
};

export function toEntry({
  documentType,
  documentNumber,
  documentCountry,
  ...row
}: EntryRow): RosterEntry {
  return {
    ...row,
    document:
      documentType && documentNumber
        ? { type: documentType, number: documentNumber, country: documentCountry }
        : null,
  };
}
