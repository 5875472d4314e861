import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;
const DEFINER = `STABLE SECURITY DEFINER SET search_path = public, pg_temp SET amparo.scope_system = 'on'`;
/**
 * The events of the caller's scope, as one array a query reads once (an InitPlan), then a plain
 * array test per row: with `amparo_crisis_event_in_scope(event_id)` in the policy, counting a
 * 50,000-person roster called the function 50,000 times (about 1 s here, against 25 to 60 ms).
 */
const EVENT_IN_SCOPE = `${SYSTEM} OR event_id = ANY ((SELECT amparo_crisis_events_in_scope())::uuid[])`;
/** The tables holding affected nationals and what was done for them: behind the event's wall. */
const WALLED_TABLES = [
  'crisis_roster_entries',
  'crisis_welfare_changes',
  'crisis_enquiries',
  'crisis_movements',
  'crisis_movement_passengers',
];
const WELFARE = `'unaccounted', 'safe', 'needs_assistance', 'injured', 'missing', 'deceased', 'evacuated'`;

/**
 * Crisis events (issue 17, MICIC): an event of one sending country with its responding posts, the
 * roster of affected nationals (rapid intake and bulk import) with the append-only history of their
 * welfare status, relatives' enquiries, and the movements (evacuation flights, buses) with their
 * passengers. The event itself names no one; everything else is readable and writable only by staff
 * of the event's responding posts and supervisors of its country (row-level security).
 */
export class CreateCrisisEvents1764000000025 implements MigrationInterface {
  name = 'CreateCrisisEvents1764000000025';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE crisis_events (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        country_code char(2) NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        host_country_code char(2) NOT NULL,
        host_subdivisions text[] NOT NULL DEFAULT '{}',
        consulate_ids uuid[] NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        status text NOT NULL DEFAULT 'active',
        declared_by uuid NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_crisis_events PRIMARY KEY (id),
        CONSTRAINT fk_crisis_events_country_code FOREIGN KEY (country_code) REFERENCES countries (code),
        CONSTRAINT fk_crisis_events_host_country_code FOREIGN KEY (host_country_code) REFERENCES countries (code),
        CONSTRAINT fk_crisis_events_declared_by FOREIGN KEY (declared_by) REFERENCES users (id),
        CONSTRAINT ck_crisis_events_type CHECK (type IN ('hurricane', 'earthquake', 'flood', 'fire',
          'armed_conflict', 'mass_accident', 'epidemic', 'other')),
        CONSTRAINT ck_crisis_events_status CHECK (status IN ('active', 'winding_down', 'closed')),
        CONSTRAINT ck_crisis_events_consulate_ids CHECK (cardinality(consulate_ids) >= 1),
        CONSTRAINT ck_crisis_events_ended CHECK ((status = 'closed') = (ended_at IS NOT NULL))
      )`);
    await q.query(
      'CREATE INDEX ix_crisis_events_country_code ON crisis_events (country_code, started_at DESC)',
    );
    await q.query(
      'CREATE INDEX ix_crisis_events_consulate_ids ON crisis_events USING gin (consulate_ids)',
    );
    // Whether an event is the caller's: a responding post's staff, or a supervisor of its country.
    await q.query(`
      CREATE FUNCTION amparo_crisis_events_in_scope() RETURNS uuid[]
      LANGUAGE sql ${DEFINER}
      AS $$ SELECT coalesce(array_agg(e.id), '{}') FROM crisis_events e
             WHERE e.country_code = ANY (amparo_scope_countries())
                OR e.consulate_ids && amparo_scope_consulates() $$`);
    // The same test for one event (a policy or check on a single row).
    await q.query(`
      CREATE FUNCTION amparo_crisis_event_in_scope(wanted uuid) RETURNS boolean
      LANGUAGE plpgsql ${DEFINER}
      AS $$
      BEGIN
        RETURN EXISTS (SELECT 1 FROM crisis_events e WHERE e.id = wanted
                          AND (e.country_code = ANY (amparo_scope_countries())
                               OR e.consulate_ids && amparo_scope_consulates()));
      END $$`);

    await q.query(`
      CREATE TABLE crisis_roster_entries (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        given_names text NOT NULL,
        family_names text NOT NULL DEFAULT '',
        document_type text,
        document_number text,
        document_country char(2),
        contact text,
        location_subdivision text,
        location_text text,
        date_of_birth date,
        sex text,
        welfare_status text NOT NULL DEFAULT 'unaccounted',
        welfare_changed_at timestamptz NOT NULL DEFAULT now(),
        welfare_changed_by uuid NOT NULL,
        source text NOT NULL,
        import_id uuid,
        dedupe_key text,
        recorded_by uuid NOT NULL,
        recorded_consulate_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        case_id uuid,
        person_id uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_crisis_roster_entries PRIMARY KEY (id),
        CONSTRAINT fk_crisis_roster_entries_event_id FOREIGN KEY (event_id) REFERENCES crisis_events (id),
        CONSTRAINT fk_crisis_roster_entries_document_country FOREIGN KEY (document_country) REFERENCES countries (code),
        CONSTRAINT fk_crisis_roster_entries_welfare_changed_by FOREIGN KEY (welfare_changed_by) REFERENCES users (id),
        CONSTRAINT fk_crisis_roster_entries_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id),
        CONSTRAINT fk_crisis_roster_entries_recorded_consulate_id FOREIGN KEY (recorded_consulate_id) REFERENCES consulates (id),
        CONSTRAINT fk_crisis_roster_entries_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT fk_crisis_roster_entries_person_id FOREIGN KEY (person_id) REFERENCES persons (id),
        CONSTRAINT ck_crisis_roster_entries_welfare_status CHECK (welfare_status IN (${WELFARE})),
        CONSTRAINT ck_crisis_roster_entries_source CHECK (source IN ('rapid_intake', 'import')),
        CONSTRAINT ck_crisis_roster_entries_sex CHECK (sex IS NULL OR sex IN ('female', 'male', 'intersex', 'unknown')),
        CONSTRAINT ck_crisis_roster_entries_document_type CHECK (document_type IS NULL OR document_type IN
          ('passport', 'national_id', 'birth_certificate', 'consular_id', 'travel_document', 'other')),
        CONSTRAINT ck_crisis_roster_entries_document CHECK ((document_type IS NULL) = (document_number IS NULL)),
        CONSTRAINT ck_crisis_roster_entries_given_names CHECK (length(btrim(given_names)) > 0)
      )`);
    // A row imported twice (from the same file or another) is one entry.
    await q.query(
      `CREATE UNIQUE INDEX ux_crisis_roster_entries_dedupe ON crisis_roster_entries (event_id, dedupe_key)
         WHERE dedupe_key IS NOT NULL`,
    );
    // The roster in the order it was taken (keyset paging), and its filters.
    await q.query(
      'CREATE INDEX ix_crisis_roster_entries_event_id ON crisis_roster_entries (event_id, recorded_at, id)',
    );
    await q.query(
      'CREATE INDEX ix_crisis_roster_entries_event_welfare ON crisis_roster_entries (event_id, welfare_status)',
    );
    // Relatives' enquiries and roster search: accent- and typo-tolerant, as person search is.
    await q.query(
      `CREATE INDEX ix_crisis_roster_entries_search_name ON crisis_roster_entries
         USING gin (amparo_person_search_name(given_names, family_names, '{}'::text[]) gin_trgm_ops)`,
    );
    // Candidates of the trigram index, ids only (see amparo_person_ids_by_similar_name): under
    // row-level security the % and <% operators, not leakproof, could not use the index. The whole
    // name alike (%), or the name given alike to a part of the entry's (<%: a relative who gives
    // one surname of two), at the thresholds of the caller's transaction, or a part of the name
    // as typed (LIKE, also served by the trigram index).
    await q.query(`
      CREATE FUNCTION amparo_crisis_entry_ids_by_similar_name(event uuid, name text) RETURNS SETOF uuid
      LANGUAGE plpgsql ${DEFINER}
      AS $$
      BEGIN
        RETURN QUERY SELECT r.id FROM crisis_roster_entries r
          WHERE r.event_id = event
            AND (amparo_person_search_name(r.given_names, r.family_names, '{}'::text[]) % name
                 OR name <% amparo_person_search_name(r.given_names, r.family_names, '{}'::text[])
                 OR amparo_person_search_name(r.given_names, r.family_names, '{}'::text[])
                    LIKE '%' || replace(replace(replace(name, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%');
      END $$`);

    await q.query(`
      CREATE TABLE crisis_welfare_changes (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        entry_id uuid NOT NULL,
        status text NOT NULL,
        previous_status text,
        note text,
        changed_by uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_crisis_welfare_changes PRIMARY KEY (id),
        CONSTRAINT fk_crisis_welfare_changes_event_id FOREIGN KEY (event_id) REFERENCES crisis_events (id),
        CONSTRAINT fk_crisis_welfare_changes_entry_id FOREIGN KEY (entry_id) REFERENCES crisis_roster_entries (id),
        CONSTRAINT fk_crisis_welfare_changes_changed_by FOREIGN KEY (changed_by) REFERENCES users (id),
        CONSTRAINT ck_crisis_welfare_changes_status CHECK (status IN (${WELFARE})),
        CONSTRAINT ck_crisis_welfare_changes_previous_status CHECK (previous_status IS NULL OR previous_status IN (${WELFARE}))
      )`);
    await q.query(
      'CREATE INDEX ix_crisis_welfare_changes_entry_id ON crisis_welfare_changes (entry_id, changed_at)',
    );
    // The dashboard's counts over time.
    await q.query(
      'CREATE INDEX ix_crisis_welfare_changes_event_id ON crisis_welfare_changes (event_id, changed_at)',
    );

    await q.query(`
      CREATE TABLE crisis_enquiries (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        relative_name text NOT NULL,
        relative_contact text NOT NULL,
        relationship text,
        sought_given_names text NOT NULL,
        sought_family_names text NOT NULL DEFAULT '',
        sought_details text,
        status text NOT NULL DEFAULT 'open',
        matched_entry_id uuid,
        matched_by uuid,
        matched_at timestamptz,
        answer text,
        answered_by uuid,
        answered_at timestamptz,
        closed_by uuid,
        closed_at timestamptz,
        recorded_by uuid NOT NULL,
        recorded_consulate_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_crisis_enquiries PRIMARY KEY (id),
        CONSTRAINT fk_crisis_enquiries_event_id FOREIGN KEY (event_id) REFERENCES crisis_events (id),
        CONSTRAINT fk_crisis_enquiries_matched_entry_id FOREIGN KEY (matched_entry_id) REFERENCES crisis_roster_entries (id),
        CONSTRAINT fk_crisis_enquiries_matched_by FOREIGN KEY (matched_by) REFERENCES users (id),
        CONSTRAINT fk_crisis_enquiries_answered_by FOREIGN KEY (answered_by) REFERENCES users (id),
        CONSTRAINT fk_crisis_enquiries_closed_by FOREIGN KEY (closed_by) REFERENCES users (id),
        CONSTRAINT fk_crisis_enquiries_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id),
        CONSTRAINT fk_crisis_enquiries_recorded_consulate_id FOREIGN KEY (recorded_consulate_id) REFERENCES consulates (id),
        CONSTRAINT ck_crisis_enquiries_status CHECK (status IN ('open', 'matched', 'answered', 'closed')),
        CONSTRAINT ck_crisis_enquiries_matched CHECK (status <> 'matched' OR matched_entry_id IS NOT NULL),
        CONSTRAINT ck_crisis_enquiries_answered CHECK (status <> 'answered' OR answer IS NOT NULL)
      )`);
    await q.query(
      'CREATE INDEX ix_crisis_enquiries_event_id ON crisis_enquiries (event_id, recorded_at, id)',
    );

    await q.query(`
      CREATE TABLE crisis_movements (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        mode text NOT NULL,
        label text NOT NULL,
        departs_at timestamptz NOT NULL,
        origin text NOT NULL,
        destination text NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_crisis_movements PRIMARY KEY (id),
        CONSTRAINT fk_crisis_movements_event_id FOREIGN KEY (event_id) REFERENCES crisis_events (id),
        CONSTRAINT fk_crisis_movements_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_crisis_movements_mode CHECK (mode IN ('flight', 'bus', 'boat', 'other'))
      )`);
    await q.query(
      'CREATE INDEX ix_crisis_movements_event_id ON crisis_movements (event_id, departs_at, id)',
    );
    await q.query(`
      CREATE TABLE crisis_movement_passengers (
        movement_id uuid NOT NULL,
        entry_id uuid NOT NULL,
        event_id uuid NOT NULL,
        added_by uuid NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_crisis_movement_passengers PRIMARY KEY (movement_id, entry_id),
        CONSTRAINT fk_crisis_movement_passengers_movement_id FOREIGN KEY (movement_id) REFERENCES crisis_movements (id) ON DELETE CASCADE,
        CONSTRAINT fk_crisis_movement_passengers_entry_id FOREIGN KEY (entry_id) REFERENCES crisis_roster_entries (id),
        CONSTRAINT fk_crisis_movement_passengers_event_id FOREIGN KEY (event_id) REFERENCES crisis_events (id),
        CONSTRAINT fk_crisis_movement_passengers_added_by FOREIGN KEY (added_by) REFERENCES users (id)
      )`);
    await q.query(
      'CREATE INDEX ix_crisis_movement_passengers_entry_id ON crisis_movement_passengers (entry_id)',
    );

    for (const table of WALLED_TABLES) {
      await q.query(`CREATE POLICY pl_${table}_scope ON ${table} USING (${EVENT_IN_SCOPE})`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    // The crisis_event statistics dimension's labels: the event's id, country and name, nothing of
    // its roster. Read-only for the application roles, as the other published views (0014, 0024).
    await q.query(
      `CREATE VIEW crisis_events_for_statistics WITH (security_invoker = true) AS
         SELECT id, country_code, name FROM crisis_events`,
    );
    await q.query(`
      DO $$
      DECLARE role text;
      BEGIN
        FOREACH role IN ARRAY ARRAY['amparo_app', 'amparo_scoped'] LOOP
          IF EXISTS (SELECT FROM pg_roles WHERE rolname = role) THEN
            EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON crisis_events_for_statistics FROM %I', role);
            EXECUTE format('GRANT SELECT ON crisis_events_for_statistics TO %I', role);
          END IF;
        END LOOP;
      END $$`);
    // Cases opened at demobilisation name their event; cases named none before events existed.
    await q.query(
      `ALTER TABLE cases ADD CONSTRAINT fk_cases_crisis_event_id FOREIGN KEY (crisis_event_id) REFERENCES crisis_events (id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP CONSTRAINT fk_cases_crisis_event_id');
    await q.query('DROP VIEW crisis_events_for_statistics');
    for (const table of [...WALLED_TABLES].reverse()) await q.query(`DROP TABLE ${table}`);
    await q.query('DROP FUNCTION amparo_crisis_entry_ids_by_similar_name(uuid, text)');
    await q.query('DROP FUNCTION amparo_crisis_event_in_scope(uuid)');
    await q.query('DROP FUNCTION amparo_crisis_events_in_scope()');
    await q.query('DROP TABLE crisis_events');
  }
}
