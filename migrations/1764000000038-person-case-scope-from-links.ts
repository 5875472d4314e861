import { MigrationInterface, QueryRunner } from 'typeorm';
import { REFRESH_PERSON_CASE_SCOPE_0037 } from './1764000000037-case-scope-on-rows';

const DEFINER = `SECURITY DEFINER SET search_path = public, pg_temp SET amparo.scope_system = 'on'`;

/**
 * A person's case scope as their links make it, written once (migration 0037 spelled it twice in
 * its refresh function, and the bench's seeder and the spec of the case scope each once more).
 *
 * `amparo_person_case_scope_from_links()` gives every person the posts and countries of the cases
 * that name them (empty arrays for a person no case names). It is a plain SQL function, so
 * PostgreSQL inlines it into the query that calls it and applies that query's conditions inside
 * it: asked for a few persons, it reads only their links. Under row-level security it shows only
 * what the caller may read; the refresh function runs as the system.
 *
 * - `amparo_refresh_person_case_scope` recomputes from it, for everyone (NULL) or for the given
 *   persons; its locks, settings and plan are those of 0037.
 * - `amparo_persons_with_drifted_case_scope()` lists the persons whose columns disagree with it:
 *   none, unless something wrote them around the triggers. The bench's seeder (which writes the
 *   columns itself, with the triggers off) and the tests check the data with it.
 */
export class PersonCaseScopeFromLinks1764000000038 implements MigrationInterface {
  name = 'PersonCaseScopeFromLinks1764000000038';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION amparo_person_case_scope_from_links()
        RETURNS TABLE (person_id uuid, consulate_ids uuid[], country_codes bpchar[])
      LANGUAGE sql STABLE
      AS $$ SELECT p.id,
                   coalesce(array_agg(DISTINCT c.consulate_id) FILTER (WHERE c.id IS NOT NULL), '{}'),
                   coalesce(array_agg(DISTINCT c.country_code) FILTER (WHERE c.id IS NOT NULL), '{}')
              FROM persons p
              LEFT JOIN case_persons cp ON cp.person_id = p.id
              LEFT JOIN cases c ON c.id = cp.case_id
             GROUP BY p.id $$`);
    await q.query(`
      CREATE FUNCTION amparo_persons_with_drifted_case_scope() RETURNS SETOF uuid
      LANGUAGE sql STABLE
      AS $$ SELECT p.id FROM persons p JOIN amparo_person_case_scope_from_links() s ON s.person_id = p.id
             WHERE (p.case_consulate_ids, p.case_country_codes) IS DISTINCT FROM (s.consulate_ids, s.country_codes) $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION amparo_refresh_person_case_scope(people uuid[], changed_cases uuid[]) RETURNS void
      LANGUAGE plpgsql ${DEFINER} SET amparo.refreshing_case_scope = 'on' SET plan_cache_mode = force_generic_plan
      AS $$
      BEGIN
        IF people IS NULL THEN
          UPDATE persons p SET case_consulate_ids = s.consulate_ids, case_country_codes = s.country_codes
            FROM amparo_person_case_scope_from_links() s
           WHERE p.id = s.person_id
             AND (p.case_consulate_ids, p.case_country_codes) IS DISTINCT FROM (s.consulate_ids, s.country_codes);
          RETURN;
        END IF;
        PERFORM 1 FROM cases c WHERE c.id IN (SELECT unnest(changed_cases)) ORDER BY c.id FOR SHARE;
        PERFORM 1 FROM persons p WHERE p.id IN (SELECT unnest(people)) ORDER BY p.id FOR UPDATE;
        UPDATE persons p SET case_consulate_ids = s.consulate_ids, case_country_codes = s.country_codes
          FROM amparo_person_case_scope_from_links() s
         WHERE p.id = s.person_id AND s.person_id = ANY (people)
           AND (p.case_consulate_ids, p.case_country_codes) IS DISTINCT FROM (s.consulate_ids, s.country_codes);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(REFRESH_PERSON_CASE_SCOPE_0037);
    await q.query('DROP FUNCTION amparo_persons_with_drifted_case_scope()');
    await q.query('DROP FUNCTION amparo_person_case_scope_from_links()');
  }
}
