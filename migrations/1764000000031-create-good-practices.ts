import { MigrationInterface, QueryRunner } from 'typeorm';

/** The searchable text of a practice; the service's search names the same expression. */
const SEARCH_TEXT = `amparo_unaccent(lower(coalesce(title_es, '') || ' ' || coalesce(title_en, '') || ' ' || problem || ' ' || action || ' ' || results))`;

/**
 * The good-practice catalogue of the network (issue 18): practices, protocols, agreements and laws
 * a member country (country_code, the submitting country, always among its countries) submits and the regional secretariat reviews and publishes, with their PDF
 * documents. No personal data: the catalogue is scoped in the service (drafts to their countries'
 * submitters and the secretariat, published entries to every staff role), not behind the case wall.
 * Documents are kept in the database (bytea): a few MB each, backed up and scoped with their
 * practice, no second store to keep in step.
 * The `network_secretariat` role that reviews them comes with the regional workspace (migration
 * 1764000000030).
 */
export class CreateGoodPractices1764000000031 implements MigrationInterface {
  name = 'CreateGoodPractices1764000000031';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE good_practices (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        country_code char(2) NOT NULL,
        title_es text,
        title_en text,
        countries char(2)[] NOT NULL,
        categories text[] NOT NULL DEFAULT '{}',
        flags text[] NOT NULL DEFAULT '{}',
        problem text NOT NULL,
        action text NOT NULL,
        results text NOT NULL DEFAULT '',
        contacts text NOT NULL DEFAULT '',
        semester text,
        status text NOT NULL DEFAULT 'draft',
        review_comment text,
        submitted_by uuid NOT NULL,
        submitted_at timestamptz,
        reviewed_by uuid,
        reviewed_at timestamptz,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_good_practices PRIMARY KEY (id),
        CONSTRAINT fk_good_practices_submitted_by FOREIGN KEY (submitted_by) REFERENCES users (id),
        CONSTRAINT fk_good_practices_reviewed_by FOREIGN KEY (reviewed_by) REFERENCES users (id),
        CONSTRAINT ck_good_practices_kind CHECK (kind IN ('practice', 'protocol', 'agreement', 'law')),
        CONSTRAINT ck_good_practices_status
          CHECK (status IN ('draft', 'submitted', 'returned', 'published', 'withdrawn')),
        CONSTRAINT ck_good_practices_title CHECK (title_es IS NOT NULL OR title_en IS NOT NULL),
        CONSTRAINT ck_good_practices_countries CHECK (country_code = ANY(countries)),
        CONSTRAINT ck_good_practices_semester CHECK (semester IS NULL OR semester ~ '^[0-9]{4}-S[12]$'),
        CONSTRAINT ck_good_practices_returned CHECK (status <> 'returned' OR review_comment IS NOT NULL),
        CONSTRAINT ck_good_practices_published CHECK (status <> 'published' OR published_at IS NOT NULL)
      )`);
    // The catalogue search: every searchable text in one accent-free, lower-case trigram index.
    await q.query(`
      CREATE INDEX ix_good_practices_search ON good_practices USING gin ((${SEARCH_TEXT}) gin_trgm_ops)`);
    await q.query(
      'CREATE INDEX ix_good_practices_countries ON good_practices USING gin (countries)',
    );
    await q.query(
      'CREATE INDEX ix_good_practices_categories ON good_practices USING gin (categories)',
    );
    await q.query(
      'CREATE INDEX ix_good_practices_status_updated_at ON good_practices (status, updated_at)',
    );

    await q.query(`
      CREATE TABLE good_practice_documents (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL,
        filename text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_good_practice_documents PRIMARY KEY (id),
        CONSTRAINT fk_good_practice_documents_practice_id
          FOREIGN KEY (practice_id) REFERENCES good_practices (id),
        CONSTRAINT fk_good_practice_documents_uploaded_by
          FOREIGN KEY (uploaded_by) REFERENCES users (id),
        CONSTRAINT ck_good_practice_documents_size CHECK (size_bytes > 0)
      )`);
    await q.query(
      'CREATE INDEX ix_good_practice_documents_practice_id ON good_practice_documents (practice_id, uploaded_at)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE good_practice_documents');
    await q.query('DROP TABLE good_practices');
  }
}
