import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;
const CONSULATES = `(SELECT amparo_scope_consulates())::uuid[]`;
const COUNTRIES = `(SELECT amparo_scope_countries())::bpchar[]`;
const REGISTRY_COUNTRIES = `(SELECT amparo_scope_registry_countries())::bpchar[]`;
const DEFINER = `SECURITY DEFINER SET search_path = public, pg_temp SET amparo.scope_system = 'on'`;

/** The tables whose rows belong to one case, and the rest of their policy besides the case's. */
const CASE_ROW_TABLES: Record<string, string> = {
  case_persons: '',
  consular_actions: '',
  case_history: '',
  case_access_requests: '',
  case_references: '',
  case_consents: '',
  consent_overrides: '',
  organisation_referrals: '',
  case_detentions: '',
  best_interest_assessments: '',
  case_transfers: `from_consulate_id = ANY (${CONSULATES}) OR to_consulate_id = ANY (${CONSULATES})
                   OR country_code = ANY (${COUNTRIES}) OR `,
};

/** What a person's policy was and is: readable by the person's country first, then by their cases. */
const PERSON_POLICY_BEFORE = `${SYSTEM} OR country_code = ANY (${COUNTRIES}) OR amparo_person_in_scope(id, country_code)`;
const PERSON_POLICY = `${SYSTEM} OR country_code = ANY (${COUNTRIES})
  OR case_consulate_ids && ${CONSULATES} OR case_country_codes && ${COUNTRIES}
  OR (case_country_codes = '{}' AND country_code = ANY (${REGISTRY_COUNTRIES}))`;

/** Set by the one function that writes the persons' case scope, which nothing else may write. */
const REFRESHING = `coalesce(current_setting('amparo.refreshing_case_scope', true), '') = 'on'`;

/**
 * The function that keeps a person's case scope, as this migration made it (migration 0038 folds
 * its recomputation into `amparo_person_case_scope_from_links` and restores this one on `down`).
 */
export const REFRESH_PERSON_CASE_SCOPE_0037 = `
      CREATE OR REPLACE FUNCTION amparo_refresh_person_case_scope(people uuid[], changed_cases uuid[]) RETURNS void
      LANGUAGE plpgsql ${DEFINER} SET amparo.refreshing_case_scope = 'on' SET plan_cache_mode = force_generic_plan
      AS $$
      BEGIN
        IF people IS NULL THEN
          UPDATE persons p
             SET case_consulate_ids = coalesce(s.consulate_ids, '{}'), case_country_codes = coalesce(s.country_codes, '{}')
            FROM persons p2
            LEFT JOIN (SELECT cp.person_id, array_agg(DISTINCT c.consulate_id) AS consulate_ids,
                              array_agg(DISTINCT c.country_code) AS country_codes
                         FROM case_persons cp JOIN cases c ON c.id = cp.case_id
                        GROUP BY cp.person_id) s ON s.person_id = p2.id
           WHERE p.id = p2.id
             AND (p.case_consulate_ids, p.case_country_codes)
                 IS DISTINCT FROM (coalesce(s.consulate_ids, '{}'), coalesce(s.country_codes, '{}'));
          RETURN;
        END IF;
        PERFORM 1 FROM cases c WHERE c.id IN (SELECT unnest(changed_cases)) ORDER BY c.id FOR SHARE;
        PERFORM 1 FROM persons p WHERE p.id IN (SELECT unnest(people)) ORDER BY p.id FOR UPDATE;
        UPDATE persons p
           SET case_consulate_ids = s.consulate_ids, case_country_codes = s.country_codes
          FROM (SELECT x.id,
                       coalesce(array_agg(DISTINCT c.consulate_id) FILTER (WHERE c.id IS NOT NULL), '{}') AS consulate_ids,
                       coalesce(array_agg(DISTINCT c.country_code) FILTER (WHERE c.id IS NOT NULL), '{}') AS country_codes
                  FROM (SELECT DISTINCT unnest(people) AS id) x
                  LEFT JOIN case_persons cp ON cp.person_id = x.id
                  LEFT JOIN cases c ON c.id = cp.case_id
                 GROUP BY x.id) s
         WHERE p.id = s.id
           AND (p.case_consulate_ids, p.case_country_codes) IS DISTINCT FROM (s.consulate_ids, s.country_codes);
      END $$`;

/**
 * The second wall compares columns instead of calling a function for every row (issue 20).
 *
 * Since migration 0013 the policy of every row that belongs to a case called
 * `amparo_case_in_scope(case_id)`, and that of persons and their documents
 * `amparo_person_in_scope`: SECURITY DEFINER functions that look the row's cases up, 35 and 70 µs a
 * row. A page of 50 cases reads some 180 such rows; under the policies it took 12–13 ms in
 * PostgreSQL against 3 ms without them, most of a page's database time.
 *
 * - A row of a case (its persons, actions, history, …) is visible when its case is: the policy asks
 *   `EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id)`, which the policy of `cases` (a comparison
 *   of the case's own post and country with the caller's scope) decides, one index lookup a row. The
 *   case row stays the one truth, so a transfer needs nothing else.
 * - A person is linked to many cases, so each person now carries the posts and countries of the
 *   cases that name them (`case_consulate_ids`, `case_country_codes`), kept by triggers: when links
 *   are added or removed, and when a case moves. The policy compares those arrays with the caller's
 *   scope; a person no case names yet (a new one) stays readable to whoever works in the person's
 *   country, as before. The triggers lock the linked cases (FOR SHARE) and then the persons before
 *   they recompute, so a link added while its case moves is recomputed by whichever commits last;
 *   each recomputes from what is committed. Nothing else may change these columns: a trigger refuses
 *   it, so a bug in the application cannot widen or narrow who reads a person. A new person may be
 *   inserted with the scope of the case that will name them (posts of their own country only).
 * - A document is visible when its person is: `EXISTS` on persons, whose policy is now a comparison.
 *
 * The policies mean what they meant; only how PostgreSQL decides them changed. The functions of
 * 0013 are dropped; `down` restores them and the old policies.
 */
export class CaseScopeOnRows1764000000037 implements MigrationInterface {
  name = 'CaseScopeOnRows1764000000037';

  async up(q: QueryRunner): Promise<void> {
    // The countries whose registries the caller works in: those they supervise and those of their
    // posts. Read once a query (an InitPlan) by the persons' policy.
    await q.query(`
      CREATE FUNCTION amparo_scope_registry_countries() RETURNS bpchar[]
      LANGUAGE sql STABLE
      AS $$ SELECT ARRAY(SELECT unnest(amparo_scope_countries())
                         UNION SELECT k.sending_country_code FROM consulates k
                                WHERE k.id = ANY (amparo_scope_consulates())) $$`);

    await q.query(`
      ALTER TABLE persons
        ADD COLUMN case_consulate_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN case_country_codes char(2)[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      COMMENT ON COLUMN persons.case_consulate_ids IS
        'The posts of the cases that name the person, for the row-level security policy; kept by triggers'`);
    await q.query(`
      COMMENT ON COLUMN persons.case_country_codes IS
        'The countries of the cases that name the person, for the row-level security policy; kept by triggers'`);

    // Recomputes the case scope of the given persons from their links, after locking the cases of
    // the changed links and then the persons; each statement of a plpgsql function reads what was
    // committed before it (READ COMMITTED), so it sees the work of whoever held those locks before.
    // Given no persons, recomputes everyone's, in one pass (this migration, and bulk loads). One
    // plan serves every call: PostgreSQL otherwise kept planning the update anew for each array of
    // persons (about 1 ms a call, ten times its run).
    await q.query(REFRESH_PERSON_CASE_SCOPE_0037);
    await q.query('SELECT amparo_refresh_person_case_scope(NULL, NULL)');

    // A link added, removed or changed. A row trigger: PostgreSQL planned a statement trigger's
    // reads of its transition tables anew at every call, 0.5 ms a link.
    await q.query(`
      CREATE FUNCTION amparo_case_persons_changed() RETURNS trigger
      LANGUAGE plpgsql ${DEFINER}
      AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM amparo_refresh_person_case_scope(ARRAY[NEW.person_id], ARRAY[NEW.case_id]);
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM amparo_refresh_person_case_scope(ARRAY[OLD.person_id], ARRAY[OLD.case_id]);
        ELSIF (OLD.person_id, OLD.case_id) IS DISTINCT FROM (NEW.person_id, NEW.case_id) THEN
          PERFORM amparo_refresh_person_case_scope(ARRAY[OLD.person_id, NEW.person_id], ARRAY[OLD.case_id, NEW.case_id]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_case_persons_changed AFTER INSERT OR DELETE OR UPDATE OF case_id, person_id ON case_persons
      FOR EACH ROW EXECUTE FUNCTION amparo_case_persons_changed()`);

    // A case that moves to another post (or country) takes its persons' scope with it.
    await q.query(`
      CREATE FUNCTION amparo_case_moved() RETURNS trigger
      LANGUAGE plpgsql ${DEFINER}
      AS $$
      BEGIN
        PERFORM amparo_refresh_person_case_scope(
          ARRAY(SELECT cp.person_id FROM case_persons cp WHERE cp.case_id = NEW.id), NULL);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_cases_moved AFTER UPDATE OF consulate_id, country_code ON cases
      FOR EACH ROW
      WHEN (OLD.consulate_id IS DISTINCT FROM NEW.consulate_id OR OLD.country_code IS DISTINCT FROM NEW.country_code)
      EXECUTE FUNCTION amparo_case_moved()`);

    // Only the function above changes a person's case scope. A new person may be inserted with the
    // scope of the case about to name them (registration does, so that linking them changes nothing
    // and rewrites no row): posts of the person's own country and that country only, which is never
    // wider than what a person no case names yet already allows (every post of the country).
    await q.query(`
      CREATE FUNCTION amparo_check_new_person_case_scope() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        IF NOT NEW.case_country_codes <@ ARRAY[NEW.country_code]::bpchar[]
           OR EXISTS (SELECT 1 FROM unnest(NEW.case_consulate_ids) AS named(id)
                        LEFT JOIN consulates k ON k.id = named.id
                       WHERE k.sending_country_code IS DISTINCT FROM NEW.country_code) THEN
          RAISE EXCEPTION 'a new person''s case scope may name only posts of the person''s country'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_persons_case_scope_inserted BEFORE INSERT ON persons
      FOR EACH ROW
      WHEN ((NEW.case_consulate_ids <> '{}' OR NEW.case_country_codes <> '{}') AND NOT ${REFRESHING})
      EXECUTE FUNCTION amparo_check_new_person_case_scope()`);
    await q.query(`
      CREATE FUNCTION amparo_refuse_case_scope_write() RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        RAISE EXCEPTION 'persons.case_consulate_ids and persons.case_country_codes are kept by the database'
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_persons_case_scope_updated BEFORE UPDATE OF case_consulate_ids, case_country_codes ON persons
      FOR EACH ROW
      WHEN ((OLD.case_consulate_ids, OLD.case_country_codes) IS DISTINCT FROM (NEW.case_consulate_ids, NEW.case_country_codes)
            AND NOT ${REFRESHING})
      EXECUTE FUNCTION amparo_refuse_case_scope_write()`);

    for (const [table, others] of Object.entries(CASE_ROW_TABLES))
      await replacePolicy(
        q,
        table,
        `${SYSTEM} OR ${others}EXISTS (SELECT 1 FROM cases c WHERE c.id = ${table}.case_id)`,
      );
    await replacePolicy(q, 'persons', PERSON_POLICY);
    await replacePolicy(
      q,
      'person_documents',
      `${SYSTEM} OR EXISTS (SELECT 1 FROM persons p WHERE p.id = person_documents.person_id)`,
    );
    await q.query('DROP FUNCTION amparo_person_in_scope(uuid, bpchar)');
    await q.query('DROP FUNCTION amparo_case_in_scope(uuid)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION amparo_case_in_scope(wanted uuid) RETURNS boolean
      LANGUAGE plpgsql STABLE ${DEFINER}
      AS $$
      BEGIN
        RETURN EXISTS (SELECT 1 FROM cases c WHERE c.id = wanted
                          AND (c.consulate_id = ANY (amparo_scope_consulates())
                               OR c.country_code = ANY (amparo_scope_countries())));
      END $$`);
    await q.query(`
      CREATE FUNCTION amparo_person_in_scope(person uuid, person_country bpchar) RETURNS boolean
      LANGUAGE plpgsql STABLE ${DEFINER}
      AS $$
      BEGIN
        RETURN EXISTS (SELECT 1 FROM case_persons cp JOIN cases c ON c.id = cp.case_id
                        WHERE cp.person_id = $1
                          AND (c.consulate_id = ANY (amparo_scope_consulates())
                               OR c.country_code = ANY (amparo_scope_countries())))
            OR (NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.person_id = $1)
                AND coalesce($2, (SELECT p.country_code FROM persons p WHERE p.id = $1)) IN (
                  SELECT unnest(amparo_scope_countries())
                  UNION ALL
                  SELECT k.sending_country_code FROM consulates k WHERE k.id = ANY (amparo_scope_consulates())));
      END $$`);
    for (const [table, others] of Object.entries(CASE_ROW_TABLES))
      await replacePolicy(q, table, `${SYSTEM} OR ${others}amparo_case_in_scope(case_id)`);
    await replacePolicy(q, 'persons', PERSON_POLICY_BEFORE);
    await replacePolicy(
      q,
      'person_documents',
      `${SYSTEM} OR amparo_person_in_scope(person_id, NULL)`,
    );
    await q.query('DROP TRIGGER tr_persons_case_scope_updated ON persons');
    await q.query('DROP TRIGGER tr_persons_case_scope_inserted ON persons');
    await q.query('DROP FUNCTION amparo_refuse_case_scope_write()');
    await q.query('DROP FUNCTION amparo_check_new_person_case_scope()');
    await q.query('DROP TRIGGER tr_cases_moved ON cases');
    await q.query('DROP FUNCTION amparo_case_moved()');
    await q.query('DROP TRIGGER tr_case_persons_changed ON case_persons');
    await q.query('DROP FUNCTION amparo_case_persons_changed()');
    await q.query('DROP FUNCTION amparo_refresh_person_case_scope(uuid[], uuid[])');
    await q.query(
      'ALTER TABLE persons DROP COLUMN case_country_codes, DROP COLUMN case_consulate_ids',
    );
    await q.query('DROP FUNCTION amparo_scope_registry_countries()');
  }
}

async function replacePolicy(q: QueryRunner, table: string, using: string): Promise<void> {
  await q.query(`DROP POLICY pl_${table}_scope ON ${table}`);
  await q.query(`CREATE POLICY pl_${table}_scope ON ${table} USING (${using})`);
}
