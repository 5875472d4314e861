import { EntityManager } from 'typeorm';
import { NewRosterEntry, RosterWriter } from './roster-entry';

/** Trimmed text, or null for nothing but spaces. */
const text = (value: string | null | undefined): string | null => value?.trim() || null;

/**
 * Puts entries on an event's roster, each with the first row of its welfare history, in one
 * statement whatever their number (rapid intake's one, an import's thousands). An entry whose
 * `dedupeKey` the event already has is skipped: the ids returned are those inserted. Runs in the
 * caller's transaction, under its wall; the caller has checked the event and the entries.
 */
export async function insertRosterEntries(
  m: EntityManager,
  eventId: string,
  writer: RosterWriter,
  entries: readonly NewRosterEntry[],
): Promise<string[]> {
  if (!entries.length) return [];
  const column = <T>(pick: (e: NewRosterEntry) => T) => entries.map(pick);
  const rows = await m.query<{ id: string }[]>(
    `WITH input AS (
       SELECT * FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                            $11::text[], $12::date[], $13::text[], $14::text[], $15::text[])
         AS t(given_names, family_names, document_type, document_number, document_country, contact,
              location_subdivision, location_text, date_of_birth, sex, welfare_status, dedupe_key)),
     inserted AS (
       INSERT INTO crisis_roster_entries (event_id, given_names, family_names, document_type, document_number,
              document_country, contact, location_subdivision, location_text, date_of_birth, sex, welfare_status,
              welfare_changed_by, source, import_id, dedupe_key, recorded_by, recorded_consulate_id)
       SELECT $1, given_names, family_names, document_type, document_number, document_country, contact,
              location_subdivision, location_text, date_of_birth, sex, welfare_status, $2, $3, $16, dedupe_key, $2, $17
         FROM input
       ON CONFLICT (event_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id, event_id, welfare_status, welfare_changed_by, welfare_changed_at)
     INSERT INTO crisis_welfare_changes (event_id, entry_id, status, changed_by, changed_at)
     SELECT event_id, id, welfare_status, welfare_changed_by, welfare_changed_at FROM inserted
     RETURNING entry_id AS id`,
    [
      eventId,
      writer.userId,
      writer.source,
      column((e) => e.givenNames.trim()),
      column((e) => text(e.familyNames) ?? ''),
      column((e) => (text(e.document?.number) ? e.document!.type : null)),
      column((e) => text(e.document?.number)),
      column((e) => (text(e.document?.number) ? (e.document?.country ?? null) : null)),
      column((e) => text(e.contact)),
      column((e) => e.locationSubdivision ?? null),
      column((e) => text(e.locationText)),
      column((e) => e.dateOfBirth ?? null),
      column((e) => e.sex ?? null),
      column((e) => e.welfareStatus ?? 'unaccounted'),
      column((e) => e.dedupeKey ?? null),
      writer.importId ?? null,
      writer.consulateId,
    ],
  );
  return rows.map((r) => r.id);
}
