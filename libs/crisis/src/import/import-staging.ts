import { EntityManager } from 'typeorm';
import { ImportedPerson } from './import-row-validation';
import { ImportRowStatus } from './crisis-import';
import { FieldError } from '@amparo/core';

/** A checked row as staged: valid and duplicate rows carry the person, invalid ones their errors. */
export interface StagedRow {
  row: number;
  status: ImportRowStatus;
  errors: FieldError[] | null;
  person: ImportedPerson | null;
}

/** Rows per INSERT: 14 arrays of 5,000 values stay far below the protocol's parameter limits. */
const STAGE_BATCH = 5000;

/**
 * Stages the checked rows of an import, set-based: one INSERT … SELECT FROM unnest(…) per batch,
 * numbered 1..n in file order so the job inserts them onto the roster in ranges.
 */
export async function stageImportRows(
  m: EntityManager,
  importId: string,
  eventId: string,
  rows: StagedRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += STAGE_BATCH) {
    const batch = rows.slice(start, start + STAGE_BATCH);
    const column = <T>(pick: (r: StagedRow, i: number) => T) => batch.map(pick);
    const person = <K extends keyof ImportedPerson>(key: K) =>
      column((r) => (r.person ? r.person[key] : null));
    await m.query(
      `INSERT INTO crisis_import_rows (import_id, event_id, seq, row_number, status, errors, given_names,
          family_names, document_type, document_number, document_country, date_of_birth, sex, contact,
          location_subdivision, location_text, welfare_status, dedupe_key)
       SELECT $1, $2, t.* FROM unnest($3::int[], $4::int[], $5::text[], $6::jsonb[], $7::text[], $8::text[],
          $9::text[], $10::text[], $11::text[], $12::date[], $13::text[], $14::text[], $15::text[], $16::text[],
          $17::text[], $18::text[]) AS t`,
      [
        importId,
        eventId,
        column((_, i) => start + i + 1),
        column((r) => r.row),
        column((r) => r.status),
        column((r) => (r.errors ? JSON.stringify(r.errors) : null)),
        person('givenNames'),
        person('familyNames'),
        person('documentType'),
        person('documentNumber'),
        person('documentCountry'),
        person('dateOfBirth'),
        person('sex'),
        person('contact'),
        person('locationSubdivision'),
        person('locationText'),
        person('welfareStatus'),
        person('dedupeKey'),
      ],
    );
  }
}
