import { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen copies of the code lists as of this migration: a migration must not change when they evolve.
const list = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

const CATEGORIES = [
  'unaccompanied_child',
  'criminal_detention',
  'immigration_detention',
  'return',
  'trafficking',
  'smuggling_harm',
  'labour_rights',
  'health',
  'death',
  'whereabouts',
  'family_civil',
  'human_rights',
  'crime_victim',
  'crisis',
  'asylum',
  'documentation',
];
const FLAGS = [
  'unaccompanied_child',
  'separated_child',
  'child_of_irregular_migrant',
  'trafficking_indicators',
  'gbv_survivor',
  'older_person',
  'disability',
  'pregnancy',
  'serious_illness',
  'mental_health',
  'indigenous_language',
  'lgbti',
  'detained',
  'death_penalty_exposure',
  'stateless_or_undocumented',
  'asylum_seeker',
  'security_risk',
];
const ACTIONS = [
  'interview',
  'consular_visit',
  'arrest_notification_received',
  'family_notification',
  'legal_orientation',
  'legal_representation',
  'referral',
  'authority_liaison',
  'emergency_document',
  'nationality_verification',
  'financial_assistance',
  'repatriation',
  'accompanied_return',
  'remains_repatriation',
  'search_and_location',
  'proceedings_follow_up',
  'detention_monitoring',
  'evacuation',
  'interpretation',
  'follow_up_contact',
];

/**
 * The registry's core: persons (the nationals assisted), cases of one consulate each with their
 * reference counter per post and year, the append-only consular actions, field-level case history,
 * idempotency keys and break-the-glass access to restricted cases.
 */
export class CreateCases1764000000004 implements MigrationInterface {
  name = 'CreateCases1764000000004';

  async up(q: QueryRunner): Promise<void> {
    // Names as search sees them: one string, lower case, without accents (trigram-indexed).
    await q.query(`
      CREATE FUNCTION amparo_person_search_name(given text, family text, other text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT amparo_unaccent(lower(concat_ws(' ', given, family, array_to_string(other, ' ')))) $$`);
    await q.query(`
      CREATE TABLE persons (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        country_code char(2) NOT NULL,
        given_names text NOT NULL,
        family_names text NOT NULL,
        other_names text[] NOT NULL DEFAULT '{}',
        date_of_birth date,
        estimated_age smallint,
        estimated_age_on date,
        sex text NOT NULL DEFAULT 'unknown',
        gender_identity text,
        nationality_code char(2) NOT NULL,
        origin_subdivision_code text,
        origin_municipality text,
        languages text[] NOT NULL DEFAULT '{}',
        indigenous_people text,
        indigenous_language text,
        phone text,
        email text,
        address_abroad text,
        search_name text GENERATED ALWAYS AS (amparo_person_search_name(given_names, family_names, other_names)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_persons PRIMARY KEY (id),
        CONSTRAINT fk_persons_country_code FOREIGN KEY (country_code) REFERENCES countries (code),
        CONSTRAINT fk_persons_nationality_code FOREIGN KEY (nationality_code) REFERENCES countries (code),
        CONSTRAINT ck_persons_sex CHECK (sex IN ('female', 'male', 'intersex', 'unknown')),
        CONSTRAINT ck_persons_estimated_age CHECK (estimated_age IS NULL OR estimated_age BETWEEN 0 AND 130)
      )`);
    await q.query(
      'CREATE INDEX ix_persons_country_code_search_name ON persons USING gin (search_name gin_trgm_ops)',
    );
    await q.query(
      'CREATE INDEX ix_persons_country_code_date_of_birth ON persons (country_code, date_of_birth)',
    );
    await q.query(`
      CREATE TABLE person_documents (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        type text NOT NULL,
        number text NOT NULL,
        number_normalized text GENERATED ALWAYS AS (upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g'))) STORED,
        issuing_country_code char(2) NOT NULL,
        CONSTRAINT pk_person_documents PRIMARY KEY (id),
        CONSTRAINT fk_person_documents_person_id FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE,
        CONSTRAINT fk_person_documents_issuing_country_code FOREIGN KEY (issuing_country_code) REFERENCES countries (code),
        CONSTRAINT ck_person_documents_type CHECK (type IN ('passport', 'national_id', 'birth_certificate', 'consular_id', 'travel_document', 'other'))
      )`);
    await q.query(
      'CREATE INDEX ix_person_documents_number_normalized ON person_documents (number_normalized)',
    );
    await q.query('CREATE INDEX ix_person_documents_person_id ON person_documents (person_id)');

    await q.query(`
      CREATE TABLE case_reference_counters (
        consulate_id uuid NOT NULL,
        year smallint NOT NULL,
        last_sequence integer NOT NULL,
        CONSTRAINT pk_case_reference_counters PRIMARY KEY (consulate_id, year),
        CONSTRAINT fk_case_reference_counters_consulate_id FOREIGN KEY (consulate_id) REFERENCES consulates (id)
      )`);
    await q.query(`
      CREATE TABLE cases (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        consulate_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        primary_category text NOT NULL,
        secondary_categories text[] NOT NULL DEFAULT '{}',
        vulnerability_flags text[] NOT NULL DEFAULT '{}',
        risk_level text NOT NULL DEFAULT 'low',
        status text NOT NULL DEFAULT 'open',
        assigned_officer_id uuid,
        primary_person_id uuid NOT NULL,
        event_country_code char(2),
        event_subdivision_code text,
        event_city text,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        closure_reason text,
        requested_closure_reason text,
        duplicate_of_case_id uuid,
        summary text NOT NULL DEFAULT '',
        consent jsonb NOT NULL DEFAULT '{}',
        crisis_event_id uuid,
        restricted boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_cases PRIMARY KEY (id),
        CONSTRAINT uq_cases_reference UNIQUE (reference),
        CONSTRAINT fk_cases_consulate_id_country_code FOREIGN KEY (consulate_id, country_code) REFERENCES consulates (id, sending_country_code),
        CONSTRAINT fk_cases_assigned_officer_id FOREIGN KEY (assigned_officer_id) REFERENCES users (id),
        CONSTRAINT fk_cases_primary_person_id FOREIGN KEY (primary_person_id) REFERENCES persons (id),
        CONSTRAINT fk_cases_duplicate_of_case_id FOREIGN KEY (duplicate_of_case_id) REFERENCES cases (id),
        CONSTRAINT fk_cases_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT ck_cases_primary_category CHECK (primary_category = ANY (${list(CATEGORIES)})),
        CONSTRAINT ck_cases_secondary_categories CHECK (secondary_categories <@ ${list(CATEGORIES)}),
        CONSTRAINT ck_cases_vulnerability_flags CHECK (vulnerability_flags <@ ${list(FLAGS)}),
        CONSTRAINT ck_cases_risk_level CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
        CONSTRAINT ck_cases_status CHECK (status IN ('open', 'in_progress', 'waiting', 'closure_requested', 'closed', 'reopened')),
        CONSTRAINT ck_cases_closure CHECK ((status = 'closed') = (closure_reason IS NOT NULL AND closed_at IS NOT NULL)),
        CONSTRAINT ck_cases_closure_reason CHECK (closure_reason IS NULL OR closure_reason IN
          ('resolved', 'returned_to_country', 'referred_to_home_institution', 'declined_assistance', 'lost_contact', 'deceased', 'duplicate')),
        CONSTRAINT ck_cases_duplicate CHECK (coalesce(closure_reason = 'duplicate', false) = (duplicate_of_case_id IS NOT NULL))
      )`);
    await q.query(
      'CREATE INDEX ix_cases_consulate_id_opened_at ON cases (consulate_id, opened_at DESC, id)',
    );
    await q.query(
      'CREATE INDEX ix_cases_country_code_opened_at ON cases (country_code, opened_at DESC, id)',
    );
    await q.query('CREATE INDEX ix_cases_assigned_officer_id ON cases (assigned_officer_id)');
    await q.query('CREATE INDEX ix_cases_primary_person_id ON cases (primary_person_id)');
    await q.query(
      'CREATE INDEX ix_cases_vulnerability_flags ON cases USING gin (vulnerability_flags)',
    );
    await q.query(`
      CREATE TABLE case_persons (
        case_id uuid NOT NULL,
        person_id uuid NOT NULL,
        role text NOT NULL,
        relationship text,
        CONSTRAINT pk_case_persons PRIMARY KEY (case_id, person_id),
        CONSTRAINT fk_case_persons_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT fk_case_persons_person_id FOREIGN KEY (person_id) REFERENCES persons (id),
        CONSTRAINT ck_case_persons_role CHECK (role IN ('primary', 'involved'))
      )`);
    await q.query('CREATE INDEX ix_case_persons_person_id ON case_persons (person_id)');

    await q.query(`
      CREATE TABLE consular_actions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        place text,
        place_type text,
        performed_by uuid NOT NULL,
        outcome text,
        notes text,
        next_step_due date,
        cost numeric(12, 2),
        currency char(3),
        arrested_at timestamptz,
        notified_at timestamptz,
        corrects_action_id uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_consular_actions PRIMARY KEY (id),
        CONSTRAINT fk_consular_actions_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT fk_consular_actions_performed_by FOREIGN KEY (performed_by) REFERENCES users (id),
        CONSTRAINT fk_consular_actions_corrects_action_id FOREIGN KEY (corrects_action_id) REFERENCES consular_actions (id),
        CONSTRAINT ck_consular_actions_type CHECK (type = ANY (${list(ACTIONS)})),
        CONSTRAINT ck_consular_actions_cost CHECK ((cost IS NULL) = (currency IS NULL) AND (cost IS NULL OR cost >= 0))
      )`);
    await q.query(
      'CREATE INDEX ix_consular_actions_case_id_occurred_at ON consular_actions (case_id, occurred_at, id)',
    );
    // Actions are a record of what was done: corrections are new rows, nothing is changed or removed.
    await q.query(`
      CREATE TRIGGER tr_consular_actions_append_only BEFORE UPDATE OR DELETE ON consular_actions
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);

    await q.query(`
      CREATE TABLE case_history (
        id bigint GENERATED ALWAYS AS IDENTITY,
        case_id uuid NOT NULL,
        changed_by uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        field text NOT NULL,
        old_value jsonb,
        new_value jsonb,
        tier text NOT NULL,
        CONSTRAINT pk_case_history PRIMARY KEY (id),
        CONSTRAINT fk_case_history_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT ck_case_history_tier CHECK (tier IN ('T0', 'T1', 'T2', 'T3'))
      )`);
    await q.query('CREATE INDEX ix_case_history_case_id_id ON case_history (case_id, id)');

    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code smallint,
        response_body jsonb,
        response_headers jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT pk_idempotency_keys PRIMARY KEY (user_id, key)
      )`);
    await q.query('CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys (expires_at)');

    await q.query(`
      CREATE TABLE case_access_requests (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        user_id uuid NOT NULL,
        reason text NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        reviewed_by uuid,
        reviewed_at timestamptz,
        review_outcome text,
        review_note text,
        CONSTRAINT pk_case_access_requests PRIMARY KEY (id),
        CONSTRAINT fk_case_access_requests_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT fk_case_access_requests_user_id FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT ck_case_access_requests_reason CHECK (length(reason) >= 20),
        CONSTRAINT ck_case_access_requests_review_outcome CHECK (review_outcome IS NULL OR review_outcome IN ('justified', 'unjustified'))
      )`);
    await q.query(
      'CREATE INDEX ix_case_access_requests_case_id_user_id ON case_access_requests (case_id, user_id, expires_at)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_access_requests');
    await q.query('DROP TABLE idempotency_keys');
    await q.query('DROP TABLE case_history');
    await q.query('DROP TABLE consular_actions');
    await q.query('DROP TABLE case_persons');
    await q.query('DROP TABLE cases');
    await q.query('DROP TABLE case_reference_counters');
    await q.query('DROP TABLE person_documents');
    await q.query('DROP TABLE persons');
    await q.query('DROP FUNCTION amparo_person_search_name(text, text, text[])');
  }
}
