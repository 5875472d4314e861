import { EntityManager } from 'typeorm';

export interface ImportBatch {
  importId: string;
  /** Staged rows with seq in (after, upTo]. */
  after: number;
  upTo: number;
  recordedBy: string;
  recordedConsulateId: string | null;
}

/**
 * Puts one range of an import's valid staged rows on the roster, set-based, with the first welfare
 * change of each new entry, in one statement. A person already on the event's roster (same dedupe
 * key: from an earlier import, another file, or an earlier attempt of this job) is skipped by the
 * unique index, so running a batch twice adds nothing. Returns the entries added.
 */
export async function insertRosterBatch(m: EntityManager, batch: ImportBatch): Promise<number> {
  const [{ added }] = await m.query<{ added: number }[]>(
    `WITH added AS (
       INSERT INTO crisis_roster_entries (event_id, given_names, family_names, document_type, document_number,
           document_country, contact, location_subdivision, location_text, date_of_birth, sex, welfare_status,
           welfare_changed_at, welfare_changed_by, source, import_id, dedupe_key, recorded_by,
           recorded_consulate_id, recorded_at)
       SELECT r.event_id, r.given_names, coalesce(r.family_names, ''), r.document_type, r.document_number,
           r.document_country, r.contact, r.location_subdivision, r.location_text, r.date_of_birth, r.sex,
           r.welfare_status, now(), $4, 'import', r.import_id, r.dedupe_key, $4, $5, now()
         FROM crisis_import_rows r
        WHERE r.import_id = $1 AND r.seq > $2 AND r.seq <= $3 AND r.status = 'valid'
        ORDER BY r.seq
       ON CONFLICT (event_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id, event_id, welfare_status, welfare_changed_at
     ), history AS (
       INSERT INTO crisis_welfare_changes (event_id, entry_id, status, previous_status, changed_by, changed_at)
       SELECT event_id, id, welfare_status, NULL, $4, welfare_changed_at FROM added
     )
     SELECT count(*)::int AS added FROM added`,
    [batch.importId, batch.after, batch.upTo, batch.recordedBy, batch.recordedConsulateId],
  );
  return added;
}

/**
 * Removes every roster entry an import made, with their welfare history: what a failed import
 * leaves behind is nothing. Entries already worked on since (a passenger on a movement, a case
 * opened) keep their foreign keys and make this fail loudly rather than lose that work.
 */
export async function removeImportedEntries(m: EntityManager, importId: string): Promise<void> {
  await m.query(
    `DELETE FROM crisis_welfare_changes w USING crisis_roster_entries e
      WHERE w.entry_id = e.id AND e.import_id = $1`,
    [importId],
  );
  await m.query('DELETE FROM crisis_roster_entries WHERE import_id = $1', [importId]);
}
