import { CrisisEventStatus, CrisisEventType } from '../crisis-codes';

/** An event as stored: it names no person, only where it happened and who responds. */
export interface CrisisEventRow {
  id: string;
  countryCode: string;
  name: string;
  type: CrisisEventType;
  hostCountryCode: string;
  hostSubdivisions: string[];
  consulateIds: string[];
  startedAt: Date;
  endedAt: Date | null;
  status: CrisisEventStatus;
  declaredBy: string;
  declaredAt: Date;
  version: number;
}

export interface CrisisEventView extends CrisisEventRow {
  /** Roster entries in total and still unaccounted for (in the caller's scope: exact). */
  counts: { total: number; unaccounted: number };
  /** What the caller may do on this event. */
  callerMay: { manage: boolean; write: boolean };
}

export interface NewCrisisEvent {
  name: string;
  type: CrisisEventType;
  hostCountryCode: string;
  hostSubdivisions?: string[];
  startedAt: Date;
  /** The responding posts, the lead post first; all of one sending country. */
  consulateIds: string[];
}

export interface CrisisEventChanges {
  name?: string;
  hostSubdivisions?: string[];
  consulateIds?: string[];
}

export interface CrisisEventFilters {
  status?: CrisisEventStatus;
  cursor?: string;
  limit?: number;
}

export const EVENT_COLUMNS = `
  e.id, e.country_code AS "countryCode", e.name, e.type, e.host_country_code AS "hostCountryCode",
  e.host_subdivisions AS "hostSubdivisions", e.consulate_ids AS "consulateIds", e.started_at AS "startedAt",
  e.ended_at AS "endedAt", e.status, e.declared_by AS "declaredBy", e.declared_at AS "declaredAt", e.version`;
