import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics counts cases but owns none of their tables: the cases context and the directory
 * publish read-only views of just the columns the aggregates use, and statistics reads only them.
 * Plain column projections of one table, so the planner inlines them and every index and statistic
 * of the base table still serves. `security_invoker`: whoever reads a view is held to the base
 * tables' privileges and row-level policies, as if reading them directly.
 */
const VIEWS: Record<string, string> = {
  // Owned by cases.
  cases_for_statistics: `SELECT id, country_code, consulate_id, opened_at, closed_at, status, closure_reason,
                                primary_category, vulnerability_flags, event_subdivision_code,
                                crisis_event_id, primary_person_id
                           FROM cases`,
  case_persons_for_statistics: 'SELECT case_id, person_id FROM case_persons',
  persons_for_statistics:
    'SELECT id, sex, date_of_birth, estimated_age, estimated_age_on FROM persons',
  consular_actions_for_statistics:
    'SELECT id, case_id, type, occurred_at, corrects_action_id FROM consular_actions',
  // Owned by the directory.
  consulates_for_statistics:
    'SELECT id, sending_country_code, post_code, host_country_code, name FROM consulates',
  countries_for_statistics: 'SELECT code, name_es, name_en FROM countries',
  subdivisions_for_statistics: 'SELECT code, name FROM subdivisions',
};

export class PublishStatisticsViews1764000000014 implements MigrationInterface {
  name = 'PublishStatisticsViews1764000000014';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, sql] of Object.entries(VIEWS)) {
      await q.query(`CREATE VIEW ${name} WITH (security_invoker = true) AS ${sql}`);
    }
    // One-table views are updatable in PostgreSQL, and the default privileges of the application
    // roles (amparo_app, and amparo_scoped that its transactions switch to) grant writes: take them
    // back, so a view can only be read.
    const views = Object.keys(VIEWS).join(', ');
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

  async down(q: QueryRunner): Promise<void> {
    for (const name of Object.keys(VIEWS).reverse()) await q.query(`DROP VIEW ${name}`);
  }
}
