import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;

/**
 * Detention clocks (issue 17, VCCR art. 36): one record per detained person of a case, with the
 * times of arrest, of the notification to the consulate, of the first consular contact and of the
 * release that stops the clocks. Behind the case wall (row-level security); T2 data. Statistics read
 * a view of just the times and keys, like migrations 0014 and 0024.
 */
export class CreateCaseDetentions1764000000028 implements MigrationInterface {
  name = 'CreateCaseDetentions1764000000028';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_detentions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        person_id uuid NOT NULL,
        facility_name text,
        facility_subdivision_code text,
        arrested_at timestamptz NOT NULL,
        notified_at timestamptz,
        first_contact_at timestamptz,
        released_at timestamptz,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_case_detentions PRIMARY KEY (id),
        CONSTRAINT fk_case_detentions_case_person FOREIGN KEY (case_id, person_id)
          REFERENCES case_persons (case_id, person_id),
        CONSTRAINT fk_case_detentions_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id),
        CONSTRAINT ck_case_detentions_notified CHECK (notified_at IS NULL OR notified_at >= arrested_at),
        CONSTRAINT ck_case_detentions_first_contact CHECK (
          first_contact_at IS NULL OR (notified_at IS NOT NULL AND first_contact_at >= notified_at)),
        CONSTRAINT ck_case_detentions_released CHECK (released_at IS NULL OR released_at >= arrested_at)
      )`);
    // One open detention per person of a case: a new arrest follows a release.
    await q.query(
      `CREATE UNIQUE INDEX uq_case_detentions_open ON case_detentions (case_id, person_id)
         WHERE released_at IS NULL`,
    );
    await q.query(
      'CREATE INDEX ix_case_detentions_open ON case_detentions (case_id) WHERE released_at IS NULL',
    );
    await q.query(
      `CREATE POLICY pl_case_detentions_scope ON case_detentions
         USING (${SYSTEM} OR amparo_case_in_scope(case_id))`,
    );
    await q.query('ALTER TABLE case_detentions ENABLE ROW LEVEL SECURITY');
    await q.query('ALTER TABLE case_detentions FORCE ROW LEVEL SECURITY');
    // Times and keys only: no facility name; the person by id, for sex and age group.
    await q.query(`
      CREATE VIEW case_detentions_for_statistics WITH (security_invoker = true) AS
        SELECT id, case_id, person_id, arrested_at, notified_at, first_contact_at, released_at
          FROM case_detentions`);
    for (const role of ['amparo_app', 'amparo_scoped']) {
      await q.query(`
        DO $$
        BEGIN
          IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON case_detentions_for_statistics FROM ${role};
            GRANT SELECT ON case_detentions_for_statistics TO ${role};
          END IF;
        END $$`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW case_detentions_for_statistics');
    await q.query('DROP TABLE case_detentions');
  }
}
