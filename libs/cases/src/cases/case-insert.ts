import { together } from '@amparo/database';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CasePersonRow } from '../persons/person';
import { CASE_COLUMNS, CaseRecord } from './case';

/** The columns of a new case that the caller decides (the reference and the links come from here). */
export interface NewCaseRow {
  consulateId: string;
  countryCode: string;
  primaryCategory: string;
  secondaryCategories: string[];
  vulnerabilityFlags: string[];
  riskLevel: string;
  assignedOfficerId: string;
  primaryPersonId: string;
  eventCountryCode: string | null;
  eventSubdivisionCode: string | null;
  eventCity: string | null;
  shelter?: string | null;
  hostCountryRole?: string | null;
  temporaryWorker?: boolean;
  openedAt: Date;
  summary: string;
  nextStep?: string | null;
  nextStepDue?: string | null;
  consent: object;
  restricted: boolean;
  createdBy: string;
  crisisEventId?: string | null;
  /** Made here when not given (the caller may need it before the insert returns). */
  id?: string;
}

/**
 * Inserts a case with the next reference of its post for the year it opened (`MX-LAX-2026-000123`)
 * and links its persons: two statements, as the links' row-level security policy must see the case,
 * which a sibling statement of one WITH does not. The counter row stays locked until the creating
 * transaction ends, so concurrent creations at one post get consecutive numbers, and a rolled-back
 * creation returns its number: no committed case ever shares or reuses one. The id is made here
 * (or given), so that the links go out right behind the case (one round trip where the driver
 * pipelines; the server runs them in order).
 */
export async function insertCase(
  manager: EntityManager,
  row: NewCaseRow,
  postCode: string,
  persons: CasePersonRow[],
): Promise<CaseRecord> {
  const year = row.openedAt.getUTCFullYear();
  const id = row.id ?? randomUUID();
  const insert = () =>
    manager.query<CaseRecord[]>(
      `WITH counter AS (
       INSERT INTO case_reference_counters (consulate_id, year, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (consulate_id, year) DO UPDATE SET last_sequence = case_reference_counters.last_sequence + 1
       RETURNING last_sequence::text AS sequence),
     c AS (
       INSERT INTO cases (id, reference, consulate_id, country_code, primary_category, secondary_categories,
                          vulnerability_flags, risk_level, assigned_officer_id, primary_person_id, event_country_code,
                          event_subdivision_code, event_city, opened_at, summary, consent, restricted, created_by,
                          next_step, next_step_due, crisis_event_id, shelter, host_country_role,
                          temporary_worker)
       SELECT $25::uuid, $3 || lpad(counter.sequence, greatest(6, length(counter.sequence)), '0'),
              $1, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20::date, $21::uuid, $22,
              $23, $24
         FROM counter
       RETURNING *)
     SELECT ${CASE_COLUMNS} FROM c`,
      [
        row.consulateId,
        year,
        `${row.countryCode}-${postCode}-${year}-`,
        row.countryCode,
        row.primaryCategory,
        row.secondaryCategories,
        row.vulnerabilityFlags,
        row.riskLevel,
        row.assignedOfficerId,
        row.primaryPersonId,
        row.eventCountryCode,
        row.eventSubdivisionCode,
        row.eventCity,
        row.openedAt,
        row.summary,
        JSON.stringify(row.consent),
        row.restricted,
        row.createdBy,
        row.nextStep ?? null,
        row.nextStepDue ?? null,
        row.crisisEventId ?? null,
        row.shelter ?? null,
        row.hostCountryRole ?? null,
        row.temporaryWorker ?? false,
        id,
      ],
    );
  const link = () =>
    manager.query(
      `INSERT INTO case_persons (case_id, person_id, role, relationship)
     SELECT $1, l.person_id, l.role, l.relationship
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS l(person_id, role, relationship)`,
      [
        id,
        persons.map((p) => p.personId),
        persons.map((p) => p.role),
        persons.map((p) => p.relationship),
      ],
    );
  const [[created]] = await together(manager, insert, link);
  return created;
}
