import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics of the network's cooperation (issue 16): referrals to organisations, assistance
 * requests between countries and transfers between posts. Their owners publish read-only views of
 * just the codes, keys and dates the aggregates use, like migration 0014: no payload, no free text,
 * no names. `security_invoker`: a reader is held to the base tables' privileges and row-level
 * policies, as if reading them directly.
 */
const VIEWS: Record<string, string> = {
  // Owned by referrals.
  organisation_referrals_for_statistics: `SELECT id, case_id, organisation_id, services, status, created_at
                                            FROM organisation_referrals`,
  assistance_requests_for_statistics: `SELECT id, kind, status, requesting_case_id, requesting_country_code,
                                              receiving_country_code, requested_at
                                         FROM assistance_requests`,
  // Owned by cases.
  case_transfers_for_statistics: `SELECT id, case_id, country_code, from_consulate_id, to_consulate_id, status,
                                         decided_at
                                    FROM case_transfers`,
  // Owned by the directory.
  organisations_for_statistics: 'SELECT id, type FROM organisations',
};

export class PublishCooperationStatisticsViews1764000000024 implements MigrationInterface {
  name = 'PublishCooperationStatisticsViews1764000000024';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, sql] of Object.entries(VIEWS)) {
      await q.query(`CREATE VIEW ${name} WITH (security_invoker = true) AS ${sql}`);
    }
    // One-table views are updatable, and the application roles' default privileges grant writes:
    // taken back, so that a view can only be read (as in migration 0014).
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
