/** A detained person of a case: the times the VCCR art. 36 clocks run from (docs/detention.md). */
export interface DetentionRecord {
  id: string;
  caseId: string;
  personId: string;
  facilityName: string | null;
  facilitySubdivisionCode: string | null;
  arrestedAt: Date;
  /** When the host authorities notified the consulate. */
  notifiedAt: Date | null;
  /** The first consular contact as entered; the clocks derive one from the actions otherwise. */
  firstContactAt: Date | null;
  /** Ends the clocks. */
  releasedAt: Date | null;
  recordedBy: string;
  recordedAt: Date;
  updatedAt: Date;
  version: number;
}

/** What the case's actions say about a detention: its visits and its first contact. */
export interface DetentionActivity {
  visitCount: number;
  lastVisitAt: Date | null;
  /** The first interview, visit, legal orientation or monitoring at or after the notification. */
  firstContactActionAt: Date | null;
}

export interface NewDetention {
  personId: string;
  facilityName?: string | null;
  facilitySubdivisionCode?: string | null;
  arrestedAt: string;
  notifiedAt?: string | null;
  firstContactAt?: string | null;
}

/** A change to a detention; an absent field stays, null clears (release cannot be undone). */
export interface DetentionChange {
  facilityName?: string | null;
  facilitySubdivisionCode?: string | null;
  arrestedAt?: string;
  notifiedAt?: string | null;
  firstContactAt?: string | null;
  releasedAt?: string;
}

export const DETENTION_COLUMNS = `
  d.id, d.case_id AS "caseId", d.person_id AS "personId", d.facility_name AS "facilityName",
  d.facility_subdivision_code AS "facilitySubdivisionCode", d.arrested_at AS "arrestedAt",
  d.notified_at AS "notifiedAt", d.first_contact_at AS "firstContactAt", d.released_at AS "releasedAt",
  d.recorded_by AS "recordedBy", d.recorded_at AS "recordedAt", d.updated_at AS "updatedAt", d.version`;

/** Actions that count, each once: a corrected action gives way to its correction. */
const NOT_CORRECTED = `NOT EXISTS (SELECT 1 FROM consular_actions x WHERE x.corrects_action_id = a.id)`;

/**
 * The activity columns of a detention `d`, from its case's actions: visits at a detention centre
 * (and detention monitoring) between the arrest and the release, and the first contact after the
 * notification. Actions belong to the case, not to one person: on a case with several detained
 * persons, a visit counts for each (docs/detention.md).
 */
export const DETENTION_ACTIVITY_JOINS = `
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS "visitCount", max(a.occurred_at) AS "lastVisitAt" FROM consular_actions a
     WHERE a.case_id = d.case_id
       AND (a.type = 'detention_monitoring' OR (a.type = 'consular_visit' AND a.place_type = 'detention_centre'))
       AND a.occurred_at >= d.arrested_at AND (d.released_at IS NULL OR a.occurred_at <= d.released_at)
       AND ${NOT_CORRECTED}) v ON true
  LEFT JOIN LATERAL (
    SELECT min(a.occurred_at) AS "firstContactActionAt" FROM consular_actions a
     WHERE a.case_id = d.case_id AND d.notified_at IS NOT NULL AND a.occurred_at >= d.notified_at
       AND a.type IN ('interview', 'consular_visit', 'legal_orientation', 'detention_monitoring')
       AND ${NOT_CORRECTED}) fc ON true`;

export const DETENTION_ACTIVITY_COLUMNS = `v."visitCount", v."lastVisitAt", fc."firstContactActionAt"`;
