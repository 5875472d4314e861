import { MigrationInterface, QueryRunner } from 'typeorm';

const HOST_COUNTRY_ROLES = `'origin', 'transit', 'destination'`;
const GENDERS = `'woman', 'man', 'non_binary', 'other'`;
const CONSENT_FIELDS = `'names', 'date_of_birth', 'sex', 'nationality', 'origin', 'documents', 'contact',
  'address_abroad', 'languages', 'categories', 'vulnerability_flags', 'case_summary'`;

/** The statistics views as they stand after this migration, and as they stood before it. */
const VIEWS_AFTER: Record<string, string> = {
  cases_for_statistics: `SELECT id, country_code, consulate_id, opened_at, closed_at, status, closure_reason,
                                primary_category, vulnerability_flags, event_subdivision_code,
                                crisis_event_id, primary_person_id, host_country_role, temporary_worker
                           FROM cases`,
  persons_for_statistics: `SELECT id, sex, date_of_birth, estimated_age, estimated_age_on, origin_subdivision_code,
                                  nationality_code, gender
                             FROM persons`,
};
const VIEWS_BEFORE: Record<string, string> = {
  cases_for_statistics: `SELECT id, country_code, consulate_id, opened_at, closed_at, status, closure_reason,
                                primary_category, vulnerability_flags, event_subdivision_code,
                                crisis_event_id, primary_person_id
                           FROM cases`,
  persons_for_statistics: `SELECT id, sex, date_of_birth, estimated_age, estimated_age_on, origin_subdivision_code
                             FROM persons`,
};

/**
 * Richer statistics (issue 18): the role the host country plays in the national's migration
 * (origin, transit, destination; null when not recorded) and whether they are abroad under a
 * temporary-worker programme, on the case; the person's gender as a code (null when not recorded),
 * beside the free-text gender identity. Gender is disclosed, like sex, only when consented to: the
 * consent's field list gains `gender`. The statistics views publish the new codes.
 */
export class AddStatisticsDimensions1764000000032 implements MigrationInterface {
  name = 'AddStatisticsDimensions1764000000032';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cases
        ADD COLUMN host_country_role text,
        ADD COLUMN temporary_worker boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT ck_cases_host_country_role
          CHECK (host_country_role IS NULL OR host_country_role IN (${HOST_COUNTRY_ROLES}))`);
    await q.query(`
      ALTER TABLE persons
        ADD COLUMN gender text,
        ADD CONSTRAINT ck_persons_gender CHECK (gender IS NULL OR gender IN (${GENDERS}))`);
    await q.query('ALTER TABLE case_consents DROP CONSTRAINT ck_case_consents_fields');
    await q.query(`ALTER TABLE case_consents ADD CONSTRAINT ck_case_consents_fields
      CHECK (disclosable_fields <@ ARRAY[${CONSENT_FIELDS}, 'gender']::text[])`);
    // New columns go last, so the views are replaced in place and keep their privileges.
    for (const [name, sql] of Object.entries(VIEWS_AFTER)) {
      await q.query(`CREATE OR REPLACE VIEW ${name} WITH (security_invoker = true) AS ${sql}`);
    }
    await grantReadOnly(q);
  }

  async down(q: QueryRunner): Promise<void> {
    // A view cannot lose columns in place: drop and create them as they were.
    for (const [name, sql] of Object.entries(VIEWS_BEFORE)) {
      await q.query(`DROP VIEW ${name}`);
      await q.query(`CREATE VIEW ${name} WITH (security_invoker = true) AS ${sql}`);
    }
    await grantReadOnly(q);
    await q.query(
      `UPDATE case_consents SET disclosable_fields = array_remove(disclosable_fields, 'gender')
        WHERE 'gender' = ANY(disclosable_fields)`,
    );
    await q.query(
      `UPDATE consent_overrides SET fields = array_remove(fields, 'gender') WHERE 'gender' = ANY(fields)`,
    );
    await q.query('ALTER TABLE case_consents DROP CONSTRAINT ck_case_consents_fields');
    await q.query(`ALTER TABLE case_consents ADD CONSTRAINT ck_case_consents_fields
      CHECK (disclosable_fields <@ ARRAY[${CONSENT_FIELDS}]::text[])`);
    await q.query('ALTER TABLE persons DROP CONSTRAINT ck_persons_gender, DROP COLUMN gender');
    await q.query(`
      ALTER TABLE cases
        DROP CONSTRAINT ck_cases_host_country_role,
        DROP COLUMN temporary_worker,
        DROP COLUMN host_country_role`);
  }
}

/** The views are read-only for the application roles (see migration 1764000000014). */
async function grantReadOnly(q: QueryRunner): Promise<void> {
  const views = Object.keys(VIEWS_AFTER).join(', ');
  for (const role of ['amparo_app', 'amparo_scoped']) {
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
          REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${views} FROM ${role};
          GRANT SELECT ON ${views} TO ${role};
        END IF;
      END $$`);
  }
}
