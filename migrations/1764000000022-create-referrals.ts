import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;

/**
 * Referrals of a case to an organisation of the directory (issue 16): what was asked, the payload
 * exactly as it was disclosed, the consents or the consul's override it went on, and the
 * organisation's answer as the officer recorded it. The sending post, its country and the case
 * reference are kept with the referral (the reference never changes; the sender stays the sender
 * after a transfer). Behind the case wall (row-level security), like the case it comes from.
 */
export class CreateReferrals1764000000022 implements MigrationInterface {
  name = 'CreateReferrals1764000000022';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation_referrals (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        case_reference text NOT NULL,
        consulate_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        organisation_id uuid NOT NULL,
        organisation_name text NOT NULL,
        services text[] NOT NULL,
        need text NOT NULL,
        fields text[] NOT NULL,
        person_ids uuid[] NOT NULL,
        payload jsonb NOT NULL,
        consent_ids uuid[] NOT NULL DEFAULT '{}',
        override_id uuid,
        status text NOT NULL DEFAULT 'pending',
        status_reason text,
        follow_up_due date,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        answered_by uuid,
        completed_at timestamptz,
        completed_by uuid,
        completion_notes text,
        revoked_at timestamptz,
        revoked_by uuid,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pk_organisation_referrals PRIMARY KEY (id),
        CONSTRAINT fk_organisation_referrals_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT fk_organisation_referrals_consulate_id FOREIGN KEY (consulate_id) REFERENCES consulates (id),
        CONSTRAINT fk_organisation_referrals_organisation_id FOREIGN KEY (organisation_id) REFERENCES organisations (id),
        CONSTRAINT fk_organisation_referrals_override_id FOREIGN KEY (override_id) REFERENCES consent_overrides (id),
        CONSTRAINT fk_organisation_referrals_created_by FOREIGN KEY (created_by) REFERENCES users (id),
        CONSTRAINT fk_organisation_referrals_answered_by FOREIGN KEY (answered_by) REFERENCES users (id),
        CONSTRAINT fk_organisation_referrals_completed_by FOREIGN KEY (completed_by) REFERENCES users (id),
        CONSTRAINT fk_organisation_referrals_revoked_by FOREIGN KEY (revoked_by) REFERENCES users (id),
        CONSTRAINT ck_organisation_referrals_status
          CHECK (status IN ('pending', 'accepted', 'rejected', 'completed', 'revoked')),
        CONSTRAINT ck_organisation_referrals_services CHECK (cardinality(services) > 0),
        CONSTRAINT ck_organisation_referrals_fields CHECK (cardinality(fields) > 0),
        CONSTRAINT ck_organisation_referrals_basis
          CHECK (override_id IS NOT NULL OR cardinality(consent_ids) > 0),
        CONSTRAINT ck_organisation_referrals_rejected_reason
          CHECK (status <> 'rejected' OR status_reason IS NOT NULL),
        CONSTRAINT ck_organisation_referrals_answered
          CHECK (status = 'pending' OR status = 'revoked' OR answered_at IS NOT NULL)
      )`);
    await q.query(
      'CREATE INDEX ix_organisation_referrals_case_id ON organisation_referrals (case_id, created_at)',
    );
    // The work queues: open referrals of a post, by follow-up date.
    await q.query(
      `CREATE INDEX ix_organisation_referrals_consulate_open ON organisation_referrals (consulate_id, follow_up_due)
         WHERE status IN ('pending', 'accepted')`,
    );
    await q.query(
      'CREATE INDEX ix_organisation_referrals_consulate_created ON organisation_referrals (consulate_id, created_at)',
    );
    await q.query(
      `CREATE POLICY pl_organisation_referrals_scope ON organisation_referrals
         USING (${SYSTEM} OR amparo_case_in_scope(case_id))`,
    );
    await q.query('ALTER TABLE organisation_referrals ENABLE ROW LEVEL SECURITY');
    await q.query('ALTER TABLE organisation_referrals FORCE ROW LEVEL SECURITY');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisation_referrals');
  }
}
