import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table holding a case or a person, in the order `down` may release them. */
const WALLED_TABLES = [
  'cases',
  'case_persons',
  'persons',
  'person_documents',
  'consular_actions',
  'case_history',
  'case_access_requests',
];

/**
 * Whether the transaction has the system scope, and the caller's posts and supervised countries:
 * settings a transaction gives itself with `set_config(…, true)` (libs/database row-security.ts).
 * Wrapped in sub-selects in the policies, so each query reads them once (an InitPlan), not once per
 * row. An absent or empty setting is an empty list: no scope, no rows.
 */
const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;
const CONSULATES = `(SELECT amparo_scope_consulates())::uuid[]`;
const COUNTRIES = `(SELECT amparo_scope_countries())::bpchar[]`;
const CASE_IN_SCOPE = `${SYSTEM} OR consulate_id = ANY (${CONSULATES}) OR country_code = ANY (${COUNTRIES})`;

/**
 * The functions behind the policies of the other tables look at the cases as the system (SECURITY
 * DEFINER, the system scope for their own queries) and apply the caller's scope themselves. A policy
 * that read `cases` in a subquery would be expanded, with the policies of the tables it reads in
 * turn, at every mention of its table: person search, which names persons and documents several
 * times, took 16 ms to plan that way and well under 1 ms to run. A function is planned once; in
 * plpgsql, whose plans last the session, rather than SQL, whose plans last one query per mention.
 */
const DEFINER = `STABLE SECURITY DEFINER SET search_path = public, pg_temp SET amparo.scope_system = 'on'`;
/**
 * The second wall: PostgreSQL row-level security on the case and person tables, keyed by the
 * caller's scope that each transaction sets for itself, so that a query which forgets the
 * application's own scope filter (`CaseAccess.restrictToScope`) still cannot read or write another
 * post's or country's cases. The application's filters stay: they are what the indexes serve.
 * Also the `amparo_scoped` role whose transactions the wall applies to (see docs/audit.md).
 */
export class CaseRowSecurity1764000000013 implements MigrationInterface {
  name = 'CaseRowSecurity1764000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION amparo_scope_consulates() RETURNS uuid[]
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT coalesce(nullif(current_setting('amparo.scope_consulates', true), ''), '{}')::uuid[] $$`);
    await q.query(`
      CREATE FUNCTION amparo_scope_countries() RETURNS bpchar[]
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT coalesce(nullif(current_setting('amparo.scope_countries', true), ''), '{}')::bpchar[] $$`);
    // A case of the caller's posts or supervised countries (the system scope is the policy's test).
    await q.query(`
      CREATE FUNCTION amparo_case_in_scope(wanted uuid) RETURNS boolean
      LANGUAGE plpgsql ${DEFINER}
      AS $$
      BEGIN
        RETURN EXISTS (SELECT 1 FROM cases c WHERE c.id = wanted
                          AND (c.consulate_id = ANY (amparo_scope_consulates())
                               OR c.country_code = ANY (amparo_scope_countries())));
      END $$`);
    // A person is theirs who may see one of the person's cases. A new person is not linked yet (a
    // person is inserted before the case that links them): until then, anyone who works in the
    // person's country. The country is given for a row being inserted, which no query can see yet.
    await q.query(`
      CREATE FUNCTION amparo_person_in_scope(person uuid, person_country bpchar) RETURNS boolean
      LANGUAGE plpgsql ${DEFINER}
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
    // Candidates of the name-word and trigram indexes (ids only, nothing a caller can read). Their operators (&&, %) are not leakproof,
    // so under row-level security PostgreSQL may not use them as index conditions and would check
    // the policy of every person first; these functions look up the ids through the indexes as the
    // system, and the caller's query then reads the persons, under its policies, by id.
    await q.query(`
      CREATE FUNCTION amparo_person_ids_by_name_words(words text[]) RETURNS SETOF uuid
      LANGUAGE plpgsql ${DEFINER}
      AS $$
      DECLARE
        n int := coalesce(cardinality(words), 0);
        matches text[] := '{}';
        branches text[] := '{}';
      BEGIN
        IF n = 0 THEN RETURN; END IF;
        -- Spelled as libs/cases person-name-words.ts spelled it: the expression of the index.
        FOR i IN 1..n LOOP
          matches := matches || format('amparo_person_search_keys(p.given_names, p.family_names, p.other_names)'
                                    || ' && amparo_name_word_keys(amparo_unaccent($1[%s]))', i);
        END LOOP;
        IF n < 3 THEN
          branches := ARRAY['(' || array_to_string(matches, ' AND ') || ')'];
        ELSE
          FOR skip IN 1..n LOOP
            branches := branches || ('(' || array_to_string(matches[1:skip - 1] || matches[skip + 1:n], ' AND ') || ')');
          END LOOP;
        END IF;
        RETURN QUERY EXECUTE 'SELECT p.id FROM persons p WHERE ' || array_to_string(branches, ' OR ') USING words;
      END $$`);
    await q.query(`
      CREATE FUNCTION amparo_person_ids_by_similar_name(country char(2), name text) RETURNS SETOF uuid
      LANGUAGE plpgsql ${DEFINER}
      AS $$
      BEGIN
        RETURN QUERY SELECT p.id FROM persons p WHERE p.country_code = country AND p.search_name % name;
      END $$`);

    await q.query(`CREATE POLICY pl_cases_scope ON cases USING (${CASE_IN_SCOPE})`);
    for (const table of [
      'case_persons',
      'consular_actions',
      'case_history',
      'case_access_requests',
    ])
      await q.query(
        `CREATE POLICY pl_${table}_scope ON ${table} USING (${SYSTEM} OR amparo_case_in_scope(case_id))`,
      );
    await q.query(
      `CREATE POLICY pl_persons_scope ON persons USING (${SYSTEM} OR amparo_person_in_scope(id, country_code))`,
    );
    await q.query(
      `CREATE POLICY pl_person_documents_scope ON person_documents USING (${SYSTEM} OR amparo_person_in_scope(person_id, NULL))`,
    );
    for (const table of WALLED_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    await grantScopedRole(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of WALLED_TABLES) {
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await q.query(`DROP POLICY pl_${table}_scope ON ${table}`);
    }
    await q.query('DROP FUNCTION amparo_person_ids_by_similar_name(char, text)');
    await q.query('DROP FUNCTION amparo_person_ids_by_name_words(text[])');
    await q.query('DROP FUNCTION amparo_person_in_scope(uuid, bpchar)');
    await q.query('DROP FUNCTION amparo_case_in_scope(uuid)');
    await q.query('DROP FUNCTION amparo_scope_countries()');
    await q.query('DROP FUNCTION amparo_scope_consulates()');
    // The role stays: it is cluster-wide, and other databases of the cluster may use it.
    await q.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'amparo_scoped') THEN
          REVOKE ALL ON ALL TABLES IN SCHEMA public FROM amparo_scoped;
          REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM amparo_scoped;
          ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM amparo_scoped;
          ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM amparo_scoped;
          REVOKE USAGE ON SCHEMA public FROM amparo_scoped;
        END IF;
      END $$`);
  }
}

/**
 * `amparo_scoped`: the role of every transaction that touches cases or persons (`SET LOCAL ROLE`).
 * It cannot log in, bypasses no policy, and has the API's privileges (those of `amparo_app`). The
 * roles that connect must be members: `amparo_app` (so `amparo_app_login` in production), and the
 * migrating role itself, which is the superuser of development and tests. Created when absent if the
 * migrating role may; otherwise a database administrator creates it (docker/postgres-init).
 */
async function grantScopedRole(q: QueryRunner): Promise<void> {
  await q.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'amparo_scoped') THEN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user
                        AND (rolsuper OR rolcreaterole)) THEN
          RAISE NOTICE 'role amparo_scoped is absent and % may not create it: grants skipped', current_user;
          RETURN;
        END IF;
        CREATE ROLE amparo_scoped NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
      END IF;
      GRANT USAGE ON SCHEMA public TO amparo_scoped;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO amparo_scoped;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO amparo_scoped;
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_seals FROM amparo_scoped;
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM amparo_scoped;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public
        GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO amparo_scoped;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO amparo_scoped;
      -- Membership lets a role SET ROLE amparo_scoped; granting it needs the right to (an
      -- administrator's, or the role's creator's), which a plain owner lacks: then the init script's.
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'amparo_app') THEN
          GRANT amparo_scoped TO amparo_app;
        END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND rolsuper) THEN
          EXECUTE format('GRANT amparo_scoped TO %I', current_user);
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE '% may not grant amparo_scoped: membership left to the administrator', current_user;
      END;
    END $$`);
}
