import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;
const CONSENT_TABLES = ['case_consents', 'consent_overrides'];

/**
 * Consent per case and per person (issue 16): what the person agreed to, which of their fields may
 * be disclosed, who recorded it, how, and its withdrawal; and the consul's overrides of a missing
 * consent, each with a reason and a review. Both sit behind the case wall (row-level security).
 * The intake's consent block of existing cases becomes the primary person's first record.
 */
export class CreateCaseConsents1764000000020 implements MigrationInterface {
  name = 'CreateCaseConsents1764000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_consents (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        person_id uuid NOT NULL,
        purposes text[] NOT NULL,
        disclosable_fields text[] NOT NULL DEFAULT '{}',
        method text NOT NULL,
        witness_name text,
        given_by text NOT NULL DEFAULT 'person',
        guardian_name text,
        given_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        superseded_by uuid,
        withdrawn_at timestamptz,
        withdrawn_recorded_by uuid,
        withdrawn_recorded_at timestamptz,
        withdrawal_note text,
        CONSTRAINT pk_case_consents PRIMARY KEY (id),
        CONSTRAINT fk_case_consents_case_person FOREIGN KEY (case_id, person_id)
          REFERENCES case_persons (case_id, person_id),
        CONSTRAINT fk_case_consents_superseded_by FOREIGN KEY (superseded_by) REFERENCES case_consents (id) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT fk_case_consents_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id),
        CONSTRAINT ck_case_consents_purposes CHECK (purposes <@ ARRAY['services', 'disclosure_to_organisations',
          'disclosure_to_other_country', 'disclosure_to_home_authorities', 'tracing']::text[]),
        CONSTRAINT ck_case_consents_fields CHECK (disclosable_fields <@ ARRAY['names', 'date_of_birth', 'sex',
          'nationality', 'origin', 'documents', 'contact', 'address_abroad', 'languages', 'categories',
          'vulnerability_flags', 'case_summary']::text[]),
        CONSTRAINT ck_case_consents_method CHECK (method IN ('signed_form', 'verbal_with_witness', 'intake_form')),
        CONSTRAINT ck_case_consents_witness CHECK (method <> 'verbal_with_witness' OR witness_name IS NOT NULL),
        CONSTRAINT ck_case_consents_given_by CHECK (given_by IN ('person', 'guardian')),
        CONSTRAINT ck_case_consents_guardian CHECK (given_by <> 'guardian' OR guardian_name IS NOT NULL),
        CONSTRAINT ck_case_consents_withdrawal CHECK ((withdrawn_at IS NULL) = (withdrawn_recorded_at IS NULL))
      )`);
    // At most one current (neither superseded nor withdrawn) consent per person on a case.
    await q.query(
      `CREATE UNIQUE INDEX uq_case_consents_current ON case_consents (case_id, person_id)
         WHERE superseded_by IS NULL AND withdrawn_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE consent_overrides (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        purpose text NOT NULL,
        fields text[] NOT NULL,
        person_ids uuid[] NOT NULL,
        target text NOT NULL,
        reason text NOT NULL,
        overridden_by uuid NOT NULL,
        overridden_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by uuid,
        reviewed_at timestamptz,
        review_note text,
        CONSTRAINT pk_consent_overrides PRIMARY KEY (id),
        CONSTRAINT fk_consent_overrides_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT fk_consent_overrides_overridden_by FOREIGN KEY (overridden_by) REFERENCES users (id)
      )`);
    await q.query('CREATE INDEX ix_consent_overrides_case_id ON consent_overrides (case_id)');
    await q.query(
      'CREATE INDEX ix_consent_overrides_unreviewed ON consent_overrides (overridden_at) WHERE reviewed_at IS NULL',
    );
    for (const table of CONSENT_TABLES) {
      await q.query(
        `CREATE POLICY pl_${table}_scope ON ${table} USING (${SYSTEM} OR amparo_case_in_scope(case_id))`,
      );
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
    // Consent as the intake form recorded it: the primary person's, with the fields that identify
    // and reach the person and describe the case (never documents nor the address abroad).
    await q.query(`
      INSERT INTO case_consents (case_id, person_id, purposes, disclosable_fields, method, given_at, recorded_by, recorded_at)
      SELECT c.id, c.primary_person_id,
             array_remove(ARRAY[
               CASE WHEN (c.consent->>'services')::boolean THEN 'services' END,
               CASE WHEN (c.consent->>'disclosureToOrganisations')::boolean THEN 'disclosure_to_organisations' END,
               CASE WHEN (c.consent->>'disclosureToOtherCountry')::boolean THEN 'disclosure_to_other_country' END,
               CASE WHEN (c.consent->>'tracing')::boolean THEN 'tracing' END], NULL),
             ARRAY['names', 'date_of_birth', 'sex', 'nationality', 'origin', 'contact', 'languages',
                   'categories', 'vulnerability_flags', 'case_summary'],
             'intake_form',
             coalesce((c.consent->>'recordedAt')::timestamptz, c.created_at),
             coalesce((c.consent->>'recordedBy')::uuid, c.created_by),
             coalesce((c.consent->>'recordedAt')::timestamptz, c.created_at)
        FROM cases c
       WHERE c.consent <> '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE consent_overrides');
    await q.query('DROP TABLE case_consents');
  }
}
