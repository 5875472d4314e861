import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain leaves the insert path: events get a plain sequence number (no lock, no hash) and
 * a sealing job hashes them in the application, in number order, into `audit_seals`. The old chain
 * (hashes computed by a database function under a global lock) is dropped; the sealer re-seals
 * every event from the first. Also the `amparo_app` role the API and worker should connect as.
 */
export class SealAuditEvents1764000000012 implements MigrationInterface {
  name = 'SealAuditEvents1764000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER tr_audit_events_chain ON audit_events');
    await q.query('DROP FUNCTION audit_events_chain()');
    await q.query('DROP FUNCTION audit_event_digest(audit_events)');
    await q.query('ALTER TABLE audit_events DROP COLUMN prev_hash, DROP COLUMN hash');
    // The transaction id is taken before the number: a sealer that sees a number handed out can
    // then wait for every transaction in progress at that moment, and knows the number's fate.
    await q.query(`
      CREATE FUNCTION audit_events_number() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_current_xact_id();
        NEW.seq := nextval('audit_events_seq');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_events_number BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_number()`);

    await q.query(`
      CREATE TABLE audit_seals (
        seq bigint NOT NULL,
        kind text NOT NULL,
        hash text NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT pk_audit_seals PRIMARY KEY (seq),
        CONSTRAINT ck_audit_seals_kind CHECK (kind IN ('event', 'gap')),
        CONSTRAINT ck_audit_seals_hash CHECK (hash ~ '^[0-9a-f]{64}$')
      )`);
    // Events sealed = head number - gaps; gaps are rare, so this index stays tiny.
    await q.query(`CREATE INDEX ix_audit_seals_gaps ON audit_seals (seq) WHERE kind = 'gap'`);
    await q.query(`
      CREATE TRIGGER tr_audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      CREATE TRIGGER tr_audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);

    await grantApplicationRole(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_seals');
    await q.query('DROP TRIGGER tr_audit_events_number ON audit_events');
    await q.query('DROP FUNCTION audit_events_number()');
    await q.query('ALTER TABLE audit_events ADD COLUMN prev_hash text, ADD COLUMN hash text');
    await q.query(`
      CREATE FUNCTION audit_event_digest(e audit_events) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(digest(concat_ws('|',
          e.seq, e.id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
          e.actor_user_id, array_to_string(e.actor_roles, ','), e.consulate_id, e.country_code,
          e.action, e.resource_type, e.resource_id, e.outcome, e.request_id, host(e.ip),
          e.details::text, e.prev_hash), 'sha256'), 'hex')
      $$`);
    // Rebuilds the old in-database chain over the events kept.
    await q.query('ALTER TABLE audit_events DISABLE TRIGGER tr_audit_events_append_only');
    await q.query(`
      DO $$
      DECLARE e audit_events; prev text := repeat('0', 64);
      BEGIN
        FOR e IN SELECT * FROM audit_events ORDER BY seq LOOP
          e.prev_hash := prev;
          prev := audit_event_digest(e);
          UPDATE audit_events SET prev_hash = e.prev_hash, hash = prev WHERE seq = e.seq;
        END LOOP;
      END $$`);
    await q.query('ALTER TABLE audit_events ENABLE TRIGGER tr_audit_events_append_only');
    await q.query('ALTER TABLE audit_events ALTER prev_hash SET NOT NULL, ALTER hash SET NOT NULL');
    await q.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_events_chain'));
        NEW.seq := nextval('audit_events_seq');
        NEW.prev_hash := COALESCE(
          (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1),
          repeat('0', 64));
        NEW.hash := audit_event_digest(NEW);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_events_chain BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);
  }
}

/**
 * `amparo_app`: what the API and the worker connect as in production. It owns nothing, reads and
 * writes the registry's tables, and may only add to the audit log. Created without LOGIN or
 * password when absent (the deployment gives it a password: docker/postgres-init); where the
 * migration role may not create roles, the grants wait for a database administrator.
 */
async function grantApplicationRole(q: QueryRunner): Promise<void> {
  await q.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'amparo_app') THEN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user
                        AND (rolsuper OR rolcreaterole)) THEN
          RAISE NOTICE 'role amparo_app is absent and % may not create it: grants skipped', current_user;
          RETURN;
        END IF;
        CREATE ROLE amparo_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
      END IF;
      EXECUTE format('GRANT CONNECT ON DATABASE %I TO amparo_app', current_database());
      GRANT USAGE ON SCHEMA public TO amparo_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO amparo_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO amparo_app;
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_seals FROM amparo_app;
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM amparo_app;
      -- Tables of later migrations (run by this same role) get the same read-write grant.
      ALTER DEFAULT PRIVILEGES IN SCHEMA public
        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO amparo_app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO amparo_app;
    END $$`);
}
