import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;
// As the roster's (migration 0025): the caller's events read once per query, not a call per row,
// which a 50,000-row staging insert or report would otherwise pay.
const EVENT_IN_SCOPE = `${SYSTEM} OR event_id = ANY ((SELECT amparo_crisis_events_in_scope())::uuid[])`;
const WELFARE = `'unaccounted', 'safe', 'needs_assistance', 'injured', 'missing', 'deceased', 'evacuated'`;

/**
 * Bulk imports of affected nationals onto a crisis event's roster (issue 17): the file as received
 * (name, digest, format, size), its rows read and checked once at preview and staged in
 * `crisis_import_rows` (the report pages from there, and the queued job inserts the valid ones
 * set-based from there, without reading the file again), and the job's state and progress. The
 * staged rows are personal data: behind the event's wall like the roster.
 */
export class CreateCrisisImports1764000000026 implements MigrationInterface {
  name = 'CreateCrisisImports1764000000026';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE crisis_imports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        file_name text NOT NULL,
        sha256 text NOT NULL,
        format text NOT NULL,
        byte_size integer NOT NULL,
        columns jsonb NOT NULL,
        status text NOT NULL DEFAULT 'previewed',
        total_rows integer NOT NULL,
        valid_rows integer NOT NULL,
        invalid_rows integer NOT NULL,
        duplicate_rows integer NOT NULL,
        processed_rows integer NOT NULL DEFAULT 0,
        imported_rows integer,
        skipped_duplicates integer,
        error_code text,
        attempts integer NOT NULL DEFAULT 0,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        committed_by uuid,
        committed_consulate_id uuid,
        queued_at timestamptz,
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT pk_crisis_imports PRIMARY KEY (id),
        CONSTRAINT fk_crisis_imports_event_id FOREIGN KEY (event_id) REFERENCES crisis_events (id),
        CONSTRAINT fk_crisis_imports_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT fk_crisis_imports_committed_by FOREIGN KEY (committed_by) REFERENCES users (id),
        CONSTRAINT fk_crisis_imports_committed_consulate_id FOREIGN KEY (committed_consulate_id) REFERENCES consulates (id),
        CONSTRAINT ck_crisis_imports_format CHECK (format IN ('csv', 'xlsx')),
        CONSTRAINT ck_crisis_imports_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_crisis_imports_status
          CHECK (status IN ('previewed', 'queued', 'running', 'completed', 'failed')),
        CONSTRAINT ck_crisis_imports_counts
          CHECK (total_rows = valid_rows + invalid_rows + duplicate_rows),
        CONSTRAINT ck_crisis_imports_progress CHECK (processed_rows BETWEEN 0 AND valid_rows),
        CONSTRAINT ck_crisis_imports_committed CHECK (status = 'previewed' OR committed_by IS NOT NULL),
        CONSTRAINT ck_crisis_imports_failed CHECK (status <> 'failed' OR error_code IS NOT NULL)
      )`);
    await q.query(
      'CREATE INDEX ix_crisis_imports_event_id ON crisis_imports (event_id, created_at DESC, id)',
    );

    // seq numbers the staged rows 1..n in file order, so the job inserts them in ranges.
    await q.query(`
      CREATE TABLE crisis_import_rows (
        import_id uuid NOT NULL,
        seq integer NOT NULL,
        event_id uuid NOT NULL,
        row_number integer NOT NULL,
        status text NOT NULL,
        errors jsonb,
        given_names text,
        family_names text,
        document_type text,
        document_number text,
        document_country char(2),
        date_of_birth date,
        sex text,
        contact text,
        location_subdivision text,
        location_text text,
        welfare_status text,
        dedupe_key text,
        CONSTRAINT pk_crisis_import_rows PRIMARY KEY (import_id, seq),
        CONSTRAINT fk_crisis_import_rows_import_id FOREIGN KEY (import_id) REFERENCES crisis_imports (id) ON DELETE CASCADE,
        CONSTRAINT fk_crisis_import_rows_event_id FOREIGN KEY (event_id) REFERENCES crisis_events (id),
        CONSTRAINT ck_crisis_import_rows_status CHECK (status IN ('valid', 'invalid', 'duplicate')),
        CONSTRAINT ck_crisis_import_rows_valid CHECK (status = 'invalid'
          OR (given_names IS NOT NULL AND dedupe_key IS NOT NULL AND welfare_status IN (${WELFARE}))),
        CONSTRAINT ck_crisis_import_rows_errors CHECK ((status = 'invalid') = (errors IS NOT NULL))
      )`);

    // The roster entries an import made: counted at the end, removed if it fails.
    await q.query(
      `CREATE INDEX ix_crisis_roster_entries_import_id ON crisis_roster_entries (import_id)
         WHERE import_id IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE crisis_roster_entries ADD CONSTRAINT fk_crisis_roster_entries_import_id
         FOREIGN KEY (import_id) REFERENCES crisis_imports (id)`,
    );

    for (const table of ['crisis_imports', 'crisis_import_rows']) {
      await q.query(`CREATE POLICY pl_${table}_scope ON ${table} USING (${EVENT_IN_SCOPE})`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE crisis_roster_entries DROP CONSTRAINT fk_crisis_roster_entries_import_id',
    );
    await q.query('DROP INDEX ix_crisis_roster_entries_import_id');
    await q.query('DROP TABLE crisis_import_rows');
    await q.query('DROP TABLE crisis_imports');
  }
}
