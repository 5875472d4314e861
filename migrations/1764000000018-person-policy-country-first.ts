import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;
const COUNTRIES = `(SELECT amparo_scope_countries())::bpchar[]`;

/**
 * A person belongs to the registry of one country, and is linked only to cases of that country
 * (registration links an existing person of the case's country only). So a supervisor of the
 * person's country may read them, whichever of the country's cases names them: the policy now says
 * that first, as a plain comparison with the scope read once per query, and calls the per-row
 * function (a lookup of the person's cases) only for callers scoped to posts. A supervisor's list
 * of 50 cases no longer runs 50 function calls to read its 50 primary persons.
 */
export class PersonPolicyCountryFirst1764000000018 implements MigrationInterface {
  name = 'PersonPolicyCountryFirst1764000000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP POLICY pl_persons_scope ON persons');
    await q.query(`
      CREATE POLICY pl_persons_scope ON persons
        USING (${SYSTEM} OR country_code = ANY (${COUNTRIES}) OR amparo_person_in_scope(id, country_code))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP POLICY pl_persons_scope ON persons');
    await q.query(
      `CREATE POLICY pl_persons_scope ON persons USING (${SYSTEM} OR amparo_person_in_scope(id, country_code))`,
    );
  }
}
