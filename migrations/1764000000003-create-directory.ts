import { MigrationInterface, QueryRunner } from 'typeorm';
import countries from '../libs/directory/src/reference-data/countries.json';
import subdivisions from '../libs/directory/src/reference-data/subdivisions.json';

/**
 * The directory: ISO 3166 countries and subdivisions (reference data, see its README), the full
 * consulate record, accredited consular officials and referral organisations.
 */
export class CreateDirectory1764000000003 implements MigrationInterface {
  name = 'CreateDirectory1764000000003';

  async up(q: QueryRunner): Promise<void> {
    // unaccent() is only STABLE; this wrapper pins the dictionary so indexes can use it.
    await q.query(`
      CREATE FUNCTION amparo_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);

    await q.query(`
      CREATE TABLE countries (
        code char(2) NOT NULL,
        alpha3 char(3) NOT NULL,
        numeric char(3) NOT NULL,
        name_es text NOT NULL,
        name_en text NOT NULL,
        member boolean NOT NULL DEFAULT false,
        CONSTRAINT pk_countries PRIMARY KEY (code),
        CONSTRAINT uq_countries_alpha3 UNIQUE (alpha3)
      )`);
    await q.query(`
      CREATE TABLE subdivisions (
        code text NOT NULL,
        country_code char(2) NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        CONSTRAINT pk_subdivisions PRIMARY KEY (code),
        CONSTRAINT fk_subdivisions_country_code FOREIGN KEY (country_code) REFERENCES countries (code)
      )`);
    await q.query('CREATE INDEX ix_subdivisions_country_code ON subdivisions (country_code, code)');
    await q.query(
      `INSERT INTO countries (code, alpha3, numeric, name_es, name_en, member)
       SELECT code, alpha3, "numeric", "nameEs", "nameEn", member
         FROM json_to_recordset($1::json) AS c(code text, alpha3 text, "numeric" text, "nameEs" text, "nameEn" text, member boolean)`,
      [JSON.stringify(countries)],
    );
    await q.query(
      `INSERT INTO subdivisions (code, country_code, name, type)
       SELECT code, "countryCode", name, type
         FROM json_to_recordset($1::json) AS s(code text, "countryCode" text, name text, type text)`,
      [JSON.stringify(subdivisions)],
    );

    await q.query(`
      ALTER TABLE consulates
        ADD COLUMN type text NOT NULL DEFAULT 'consulate',
        ADD COLUMN jurisdiction text[] NOT NULL DEFAULT '{}',
        ADD COLUMN address text,
        ADD COLUMN phone text,
        ADD COLUMN emergency_phone text,
        ADD COLUMN email text,
        ADD COLUMN website text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN deactivated_at timestamptz,
        ADD CONSTRAINT ck_consulates_type CHECK (type IN
          ('embassy_consular_section', 'consulate_general', 'consulate', 'honorary_consulate', 'mobile_consulate')),
        ADD CONSTRAINT fk_consulates_sending_country_code FOREIGN KEY (sending_country_code) REFERENCES countries (code),
        ADD CONSTRAINT fk_consulates_host_country_code FOREIGN KEY (host_country_code) REFERENCES countries (code)`);
    await q.query('CREATE INDEX ix_consulates_host_country_code ON consulates (host_country_code)');
    await q.query(
      "CREATE INDEX ix_consulates_search ON consulates USING gin ((amparo_unaccent(lower(name || ' ' || city))) gin_trgm_ops)",
    );
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT fk_users_country_code FOREIGN KEY (country_code) REFERENCES countries (code)`,
    );
    await q.query(
      `ALTER TABLE role_grants ADD CONSTRAINT fk_role_grants_country_code FOREIGN KEY (country_code) REFERENCES countries (code)`,
    );

    await q.query(`
      CREATE TABLE officials (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        consulate_id uuid NOT NULL,
        name text NOT NULL,
        title text NOT NULL,
        accredited_from date NOT NULL,
        accredited_to date,
        topics text[] NOT NULL DEFAULT '{}',
        work_email text,
        work_phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_officials PRIMARY KEY (id),
        CONSTRAINT fk_officials_consulate_id FOREIGN KEY (consulate_id) REFERENCES consulates (id),
        CONSTRAINT ck_officials_accreditation CHECK (accredited_to IS NULL OR accredited_to >= accredited_from),
        CONSTRAINT ck_officials_topics CHECK (topics <@ ARRAY['children', 'trafficking', 'emergencies', 'detention', 'labour', 'health', 'returns']::text[])
      )`);
    await q.query('CREATE INDEX ix_officials_consulate_id ON officials (consulate_id)');
    await q.query('CREATE INDEX ix_officials_topics ON officials USING gin (topics)');
    await q.query(
      "CREATE INDEX ix_officials_search ON officials USING gin ((amparo_unaccent(lower(name || ' ' || title))) gin_trgm_ops)",
    );

    await q.query(`
      CREATE TABLE organisations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        acronym text,
        type text NOT NULL,
        description text,
        services text[] NOT NULL DEFAULT '{}',
        coverage_countries text[] NOT NULL DEFAULT '{}',
        coverage_subdivisions text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        email text,
        phone text,
        website text,
        address text,
        managed_by_country_code char(2),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organisations PRIMARY KEY (id),
        CONSTRAINT fk_organisations_managed_by_country_code FOREIGN KEY (managed_by_country_code) REFERENCES countries (code),
        CONSTRAINT ck_organisations_type CHECK (type IN ('civil_society', 'international_organisation', 'government_agency')),
        CONSTRAINT ck_organisations_services CHECK (services <@ ARRAY['legal_aid', 'shelter', 'health', 'psychosocial',
          'child_protection', 'repatriation_support', 'labour', 'documentation', 'interpretation', 'family_tracing',
          'food_and_basic_needs']::text[])
      )`);
    await q.query('CREATE INDEX ix_organisations_services ON organisations USING gin (services)');
    await q.query(
      'CREATE INDEX ix_organisations_coverage_countries ON organisations USING gin (coverage_countries)',
    );
    await q.query(
      "CREATE INDEX ix_organisations_search ON organisations USING gin ((amparo_unaccent(lower(name || ' ' || coalesce(acronym, '') || ' ' || coalesce(description, '')))) gin_trgm_ops)",
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisations');
    await q.query('DROP TABLE officials');
    await q.query('ALTER TABLE role_grants DROP CONSTRAINT fk_role_grants_country_code');
    await q.query('ALTER TABLE users DROP CONSTRAINT fk_users_country_code');
    await q.query('DROP INDEX ix_consulates_search');
    await q.query('DROP INDEX ix_consulates_host_country_code');
    await q.query(`
      ALTER TABLE consulates
        DROP CONSTRAINT fk_consulates_host_country_code,
        DROP CONSTRAINT fk_consulates_sending_country_code,
        DROP CONSTRAINT ck_consulates_type,
        DROP COLUMN deactivated_at, DROP COLUMN updated_at, DROP COLUMN website, DROP COLUMN email,
        DROP COLUMN emergency_phone, DROP COLUMN phone, DROP COLUMN address, DROP COLUMN jurisdiction,
        DROP COLUMN type`);
    await q.query('DROP TABLE subdivisions');
    await q.query('DROP TABLE countries');
    await q.query('DROP FUNCTION amparo_unaccent(text)');
  }
}
