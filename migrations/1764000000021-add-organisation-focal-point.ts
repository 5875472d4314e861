import { MigrationInterface, QueryRunner } from 'typeorm';

const SCOPES_BEFORE = `
  (role IN ('officer', 'consul') AND consulate_id IS NOT NULL AND country_code IS NOT NULL)
  OR (role IN ('supervisor', 'analyst', 'admin') AND consulate_id IS NULL AND country_code IS NOT NULL)
  OR (role = 'system_admin' AND consulate_id IS NULL AND country_code IS NULL)`;

/**
 * The organisation focal point: a contact of a referral organisation who keeps its directory entry
 * current. The grant names the organisation; its country is the organisation's managing country,
 * or none when only system administrators manage it (the service copies it, so the admins who
 * manage the organisation administer its focal points). Every other role names no organisation.
 * An account is the focal point of one organisation at most.
 */
export class AddOrganisationFocalPoint1764000000021 implements MigrationInterface {
  name = 'AddOrganisationFocalPoint1764000000021';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE role_grants ADD COLUMN organisation_id uuid');
    await q.query(`
      ALTER TABLE role_grants ADD CONSTRAINT fk_role_grants_organisation_id
        FOREIGN KEY (organisation_id) REFERENCES organisations (id)`);
    await q.query(
      'CREATE INDEX ix_role_grants_organisation_id ON role_grants (organisation_id) WHERE organisation_id IS NOT NULL',
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_role_grants_focal_point_user_id ON role_grants (user_id) WHERE role = 'organisation_focal_point'`,
    );
    await q.query('ALTER TABLE role_grants DROP CONSTRAINT ck_role_grants_role');
    await q.query(`
      ALTER TABLE role_grants ADD CONSTRAINT ck_role_grants_role CHECK (role IN
        ('officer', 'consul', 'supervisor', 'analyst', 'admin', 'system_admin', 'organisation_focal_point'))`);
    await q.query('ALTER TABLE role_grants DROP CONSTRAINT ck_role_grants_scope');
    await q.query(`
      ALTER TABLE role_grants ADD CONSTRAINT ck_role_grants_scope CHECK (
        (role <> 'organisation_focal_point' AND organisation_id IS NULL AND (${SCOPES_BEFORE}))
        OR (role = 'organisation_focal_point' AND organisation_id IS NOT NULL AND consulate_id IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM role_grants WHERE role = 'organisation_focal_point'`);
    await q.query('ALTER TABLE role_grants DROP CONSTRAINT ck_role_grants_scope');
    await q.query(
      `ALTER TABLE role_grants ADD CONSTRAINT ck_role_grants_scope CHECK (${SCOPES_BEFORE})`,
    );
    await q.query('ALTER TABLE role_grants DROP CONSTRAINT ck_role_grants_role');
    await q.query(`
      ALTER TABLE role_grants ADD CONSTRAINT ck_role_grants_role CHECK (role IN
        ('officer', 'consul', 'supervisor', 'analyst', 'admin', 'system_admin'))`);
    await q.query('DROP INDEX uq_role_grants_focal_point_user_id');
    await q.query('DROP INDEX ix_role_grants_organisation_id');
    await q.query('ALTER TABLE role_grants DROP CONSTRAINT fk_role_grants_organisation_id');
    await q.query('ALTER TABLE role_grants DROP COLUMN organisation_id');
  }
}
