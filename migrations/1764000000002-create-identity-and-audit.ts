import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity (users, role grants, sessions, activation, login throttling), the consulates that grants
 * point at (the directory issue completes them), and the append-only, hash-chained audit log.
 */
export class CreateIdentityAndAudit1764000000002 implements MigrationInterface {
  name = 'CreateIdentityAndAudit1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consulates (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        sending_country_code char(2) NOT NULL,
        post_code text NOT NULL,
        name text NOT NULL,
        host_country_code char(2) NOT NULL,
        city text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_consulates PRIMARY KEY (id),
        CONSTRAINT uq_consulates_sending_country_code_post_code UNIQUE (sending_country_code, post_code),
        CONSTRAINT uq_consulates_id_sending_country_code UNIQUE (id, sending_country_code),
        CONSTRAINT ck_consulates_sending_country_code CHECK (sending_country_code ~ '^[A-Z]{2}$'),
        CONSTRAINT ck_consulates_host_country_code CHECK (host_country_code ~ '^[A-Z]{2}$'),
        CONSTRAINT ck_consulates_post_code CHECK (post_code ~ '^[A-Z0-9]{2,8}$')
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email citext NOT NULL,
        display_name text NOT NULL,
        locale text NOT NULL DEFAULT 'es',
        country_code char(2),
        status text NOT NULL DEFAULT 'active',
        password_hash text,
        password_changed_at timestamptz,
        token_version integer NOT NULL DEFAULT 1,
        mfa_secret text,
        mfa_enabled_at timestamptz,
        mfa_last_time_step bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_users PRIMARY KEY (id),
        CONSTRAINT uq_users_email UNIQUE (email),
        CONSTRAINT ck_users_locale CHECK (locale IN ('es', 'en')),
        CONSTRAINT ck_users_status CHECK (status IN ('active', 'disabled')),
        CONSTRAINT ck_users_country_code CHECK (country_code ~ '^[A-Z]{2}$'),
        CONSTRAINT ck_users_email_length CHECK (length(email) <= 254)
      )`);
    await q.query('CREATE INDEX ix_users_country_code_email ON users (country_code, email)');

    await q.query(`
      CREATE TABLE role_grants (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        role text NOT NULL,
        consulate_id uuid,
        country_code char(2),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_role_grants PRIMARY KEY (id),
        CONSTRAINT fk_role_grants_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_role_grants_consulate_id_country_code FOREIGN KEY (consulate_id, country_code)
          REFERENCES consulates (id, sending_country_code),
        CONSTRAINT ck_role_grants_role CHECK (role IN ('officer', 'consul', 'supervisor', 'analyst', 'admin', 'system_admin')),
        CONSTRAINT ck_role_grants_scope CHECK (
          (role IN ('officer', 'consul') AND consulate_id IS NOT NULL AND country_code IS NOT NULL)
          OR (role IN ('supervisor', 'analyst', 'admin') AND consulate_id IS NULL AND country_code IS NOT NULL)
          OR (role = 'system_admin' AND consulate_id IS NULL AND country_code IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_role_grants_user_id_role_scope ON role_grants
         (user_id, role, COALESCE(consulate_id, '00000000-0000-0000-0000-000000000000'), COALESCE(country_code, '--'))`,
    );
    await q.query('CREATE INDEX ix_role_grants_country_code ON role_grants (country_code)');

    await q.query(`
      CREATE TABLE activation_tokens (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        token_hash text NOT NULL,
        purpose text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT pk_activation_tokens PRIMARY KEY (id),
        CONSTRAINT fk_activation_tokens_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_activation_tokens_token_hash UNIQUE (token_hash),
        CONSTRAINT ck_activation_tokens_purpose CHECK (purpose IN ('activation', 'password_reset'))
      )`);
    await q.query('CREATE INDEX ix_activation_tokens_user_id ON activation_tokens (user_id)');

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL,
        token_hash text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        family_expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT pk_refresh_tokens PRIMARY KEY (id),
        CONSTRAINT fk_refresh_tokens_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX ix_refresh_tokens_family_id ON refresh_tokens (family_id)');
    await q.query('CREATE INDEX ix_refresh_tokens_user_id ON refresh_tokens (user_id)');

    await q.query(`
      CREATE TABLE login_throttles (
        key text NOT NULL,
        failures integer NOT NULL DEFAULT 0,
        window_started_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        CONSTRAINT pk_login_throttles PRIMARY KEY (key)
      )`);

    await q.query(`
      CREATE TABLE audit_events (
        seq bigint NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid,
        actor_roles text[] NOT NULL DEFAULT '{}',
        consulate_id uuid,
        country_code char(2),
        action text NOT NULL,
        resource_type text,
        resource_id text,
        outcome text NOT NULL,
        request_id text,
        ip inet,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT pk_audit_events PRIMARY KEY (seq),
        CONSTRAINT uq_audit_events_id UNIQUE (id),
        CONSTRAINT ck_audit_events_outcome CHECK (outcome IN ('success', 'failure', 'denied'))
      )`);
    await q.query('CREATE SEQUENCE audit_events_seq OWNED BY audit_events.seq');
    await q.query(
      'CREATE INDEX ix_audit_events_country_code_seq ON audit_events (country_code, seq)',
    );
    await q.query(
      'CREATE INDEX ix_audit_events_actor_user_id_seq ON audit_events (actor_user_id, seq)',
    );
    await q.query('CREATE INDEX ix_audit_events_action_seq ON audit_events (action, seq)');
    await q.query('CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at)');

    // The digest of an event covers every column but the hash itself; verification recomputes it.
    await q.query(`
      CREATE FUNCTION audit_event_digest(e audit_events) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(digest(concat_ws('|',
          e.seq, e.id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
          e.actor_user_id, array_to_string(e.actor_roles, ','), e.consulate_id, e.country_code,
          e.action, e.resource_type, e.resource_id, e.outcome, e.request_id, host(e.ip),
          e.details::text, e.prev_hash), 'sha256'), 'hex')
      $$`);
    // One writer at a time extends the chain; the lock is held until commit, so sequence order is
    // chain order and a rolled-back event leaves no link behind.
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
    // Shared by every append-only table (audit events here, consular actions later).
    await q.query(`
      CREATE FUNCTION refuse_append_only_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(`
      CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION audit_event_digest(audit_events)');
    await q.query('DROP TABLE audit_events');
    await q.query('DROP FUNCTION refuse_append_only_change()');
    await q.query('DROP FUNCTION audit_events_chain()');
    await q.query('DROP TABLE login_throttles');
    await q.query('DROP TABLE refresh_tokens');
    await q.query('DROP TABLE activation_tokens');
    await q.query('DROP TABLE role_grants');
    await q.query('DROP TABLE users');
    await q.query('DROP TABLE consulates');
  }
}
