import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;
const SOLUTIONS = [
  'return_to_family_in_origin',
  'family_reunification_in_host_country',
  'local_integration',
  'third_country_resettlement',
  'alternative_care_in_origin',
  'other',
];
const list = (codes: string[]) => `ARRAY[${codes.map((c) => `'${c}'`).join(', ')}]::text[]`;

/**
 * Child safeguards (issue 17): best-interest assessments of a child on a case (append-only,
 * corrections are new records, behind the case wall); where a child is sheltered, a safety-critical
 * field of the case; and national child-protection authorities as a type of organisation.
 */
export class CreateChildSafeguards1764000000029 implements MigrationInterface {
  name = 'CreateChildSafeguards1764000000029';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE best_interest_assessments (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        person_id uuid NOT NULL,
        assessed_by uuid,
        assessor_name text,
        assessor_role text,
        assessed_at timestamptz NOT NULL,
        findings text NOT NULL,
        recommended_solution text NOT NULL,
        corrects_assessment_id uuid,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_best_interest_assessments PRIMARY KEY (id),
        CONSTRAINT fk_best_interest_assessments_case_person FOREIGN KEY (case_id, person_id)
          REFERENCES case_persons (case_id, person_id),
        CONSTRAINT fk_best_interest_assessments_assessed_by FOREIGN KEY (assessed_by) REFERENCES users (id),
        CONSTRAINT fk_best_interest_assessments_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id),
        CONSTRAINT fk_best_interest_assessments_corrects FOREIGN KEY (corrects_assessment_id)
          REFERENCES best_interest_assessments (id),
        CONSTRAINT ck_best_interest_assessments_solution CHECK (recommended_solution = ANY (${list(SOLUTIONS)})),
        CONSTRAINT ck_best_interest_assessments_assessor CHECK (assessed_by IS NOT NULL OR assessor_name IS NOT NULL)
      )`);
    await q.query(
      'CREATE INDEX ix_best_interest_assessments_case_id_person_id ON best_interest_assessments (case_id, person_id)',
    );
    // An assessment is a record of what a professional found: corrections are new rows.
    await q.query(`
      CREATE TRIGGER tr_best_interest_assessments_append_only BEFORE UPDATE OR DELETE ON best_interest_assessments
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await q.query(
      `CREATE POLICY pl_best_interest_assessments_scope ON best_interest_assessments
         USING (${SYSTEM} OR amparo_case_in_scope(case_id))`,
    );
    await q.query('ALTER TABLE best_interest_assessments ENABLE ROW LEVEL SECURITY');
    await q.query('ALTER TABLE best_interest_assessments FORCE ROW LEVEL SECURITY');

    // Where a child (or a victim) is sheltered: T3, shown only to those who may see whereabouts.
    await q.query('ALTER TABLE cases ADD COLUMN shelter text');

    await q.query('ALTER TABLE organisations DROP CONSTRAINT ck_organisations_type');
    await q.query(`ALTER TABLE organisations ADD CONSTRAINT ck_organisations_type CHECK (type IN
      ('civil_society', 'international_organisation', 'government_agency', 'child_protection_authority'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM organisations WHERE type = 'child_protection_authority'`);
    await q.query('ALTER TABLE organisations DROP CONSTRAINT ck_organisations_type');
    await q.query(`ALTER TABLE organisations ADD CONSTRAINT ck_organisations_type CHECK (type IN
      ('civil_society', 'international_organisation', 'government_agency'))`);
    await q.query('ALTER TABLE cases DROP COLUMN shelter');
    await q.query('DROP TABLE best_interest_assessments');
  }
}
