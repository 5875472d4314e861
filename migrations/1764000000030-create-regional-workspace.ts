import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'officer', 'consul', 'supervisor', 'analyst', 'admin', 'system_admin', 'organisation_focal_point'`;
const SCOPES = (deploymentWide: string) => `
  (role <> 'organisation_focal_point' AND organisation_id IS NULL AND (
    (role IN ('officer', 'consul') AND consulate_id IS NOT NULL AND country_code IS NOT NULL)
    OR (role IN ('supervisor', 'analyst', 'admin') AND consulate_id IS NULL AND country_code IS NOT NULL)
    OR (role IN (${deploymentWide}) AND consulate_id IS NULL AND country_code IS NULL)))
  OR (role = 'organisation_focal_point' AND organisation_id IS NOT NULL AND consulate_id IS NULL)`;

/**
 * Signed national exports and the regional workspace (issue 18): each completed export keeps the
 * detached Ed25519 signature of its file and the id of the key that made it (the private key lives
 * outside the database); the network secretariat, a deployment-wide role, registers the member
 * countries' public keys and stores the national exports it has verified. Both tables hold
 * aggregates already protected by each country's disclosure control and the secretariat's user
 * ids, no case or person data: no row security, like statistics_exports.
 */
export class CreateRegionalWorkspace1764000000030 implements MigrationInterface {
  name = 'CreateRegionalWorkspace1764000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE role_grants DROP CONSTRAINT ck_role_grants_role');
    await q.query(`
      ALTER TABLE role_grants ADD CONSTRAINT ck_role_grants_role CHECK (role IN
        (${ROLES_BEFORE}, 'network_secretariat'))`);
    await q.query('ALTER TABLE role_grants DROP CONSTRAINT ck_role_grants_scope');
    await q.query(`
      ALTER TABLE role_grants ADD CONSTRAINT ck_role_grants_scope CHECK (
        ${SCOPES(`'system_admin', 'network_secretariat'`)})`);

    await q.query(`
      ALTER TABLE statistics_exports
        ADD COLUMN signature jsonb,
        ADD COLUMN signing_key_id text`);

    await q.query(`
      CREATE TABLE regional_keys (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        country_code char(2) NOT NULL,
        key_id text NOT NULL,
        public_key text NOT NULL,
        label text NOT NULL,
        registered_by uuid NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        revoked_by uuid,
        revoked_at timestamptz,
        CONSTRAINT pk_regional_keys PRIMARY KEY (id),
        CONSTRAINT fk_regional_keys_registered_by FOREIGN KEY (registered_by) REFERENCES users (id),
        CONSTRAINT fk_regional_keys_revoked_by FOREIGN KEY (revoked_by) REFERENCES users (id),
        CONSTRAINT ck_regional_keys_country_code CHECK (country_code ~ '^[A-Z]{2}$'),
        CONSTRAINT ck_regional_keys_key_id CHECK (key_id ~ '^[0-9a-f]{16}$'),
        CONSTRAINT ck_regional_keys_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    // One live registration of a key per country; a revoked one may be registered again.
    await q.query(`
      CREATE UNIQUE INDEX uq_regional_keys_country_code_key_id ON regional_keys (country_code, key_id)
        WHERE revoked_at IS NULL`);
    await q.query('CREATE INDEX ix_regional_keys_key_id ON regional_keys (key_id)');

    await q.query(`
      CREATE TABLE regional_exports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        country_codes char(2)[] NOT NULL,
        semester text NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        key_id text NOT NULL,
        fingerprint text NOT NULL,
        sha256 text NOT NULL,
        source_export_id uuid NOT NULL,
        document jsonb NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_regional_exports PRIMARY KEY (id),
        CONSTRAINT fk_regional_exports_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES users (id),
        CONSTRAINT uq_regional_exports_sha256 UNIQUE (sha256),
        CONSTRAINT ck_regional_exports_semester CHECK (semester ~ '^[0-9]{4}-S[12]$'),
        CONSTRAINT ck_regional_exports_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
    await q.query(
      'CREATE INDEX ix_regional_exports_semester_uploaded_at ON regional_exports (semester, uploaded_at)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE regional_exports');
    await q.query('DROP TABLE regional_keys');
    await q.query(`
      ALTER TABLE statistics_exports DROP COLUMN signing_key_id, DROP COLUMN signature`);
    await q.query(`DELETE FROM role_grants WHERE role = 'network_secretariat'`);
    await q.query('ALTER TABLE role_grants DROP CONSTRAINT ck_role_grants_scope');
    await q.query(`
      ALTER TABLE role_grants ADD CONSTRAINT ck_role_grants_scope CHECK (${SCOPES(`'system_admin'`)})`);
    await q.query('ALTER TABLE role_grants DROP CONSTRAINT ck_role_grants_role');
    await q.query(`
      ALTER TABLE role_grants ADD CONSTRAINT ck_role_grants_role CHECK (role IN (${ROLES_BEFORE}))`);
  }
}
