import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;
const CONSULATES = `(SELECT amparo_scope_consulates())::uuid[]`;
const COUNTRIES = `(SELECT amparo_scope_countries())::bpchar[]`;
/**
 * Both sides of a request see it: the posts and countries are columns of the row, so the policy
 * reads no other table.
 */
const EITHER_SIDE = `${SYSTEM}
  OR requesting_consulate_id = ANY (${CONSULATES}) OR receiving_consulate_id = ANY (${CONSULATES})
  OR requesting_country_code = ANY (${COUNTRIES}) OR receiving_country_code = ANY (${COUNTRIES})`;
const TABLES = ['assistance_requests', 'assistance_reports'];

/**
 * Mutual consular assistance between countries of one deployment (issue 16): a post of country A
 * asks a post of country B to assist a national, with the consented payload; B's consul accepts
 * (opening a case of B, linked here) or rejects; both sides report back. Neither side's case is
 * readable by the other: the request holds the payload, not a way into the other case.
 */
export class CreateAssistanceRequests1764000000023 implements MigrationInterface {
  name = 'CreateAssistanceRequests1764000000023';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assistance_requests (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        requesting_case_id uuid NOT NULL,
        requesting_consulate_id uuid NOT NULL,
        requesting_country_code char(2) NOT NULL,
        receiving_consulate_id uuid NOT NULL,
        receiving_country_code char(2) NOT NULL,
        receiving_case_id uuid,
        reason text NOT NULL,
        reason_note text NOT NULL,
        fields text[] NOT NULL,
        person_ids uuid[] NOT NULL,
        payload jsonb,
        consent_ids uuid[] NOT NULL DEFAULT '{}',
        override_id uuid,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid,
        decided_at timestamptz,
        rejection_reason text,
        revoked_by uuid,
        revoked_at timestamptz,
        revocation_reason text,
        completed_by uuid,
        completed_at timestamptz,
        purged_at timestamptz,
        CONSTRAINT pk_assistance_requests PRIMARY KEY (id),
        CONSTRAINT fk_assistance_requests_requesting_case_id FOREIGN KEY (requesting_case_id) REFERENCES cases (id),
        CONSTRAINT fk_assistance_requests_receiving_case_id FOREIGN KEY (receiving_case_id) REFERENCES cases (id),
        CONSTRAINT fk_assistance_requests_requesting_consulate_id FOREIGN KEY (requesting_consulate_id) REFERENCES consulates (id),
        CONSTRAINT fk_assistance_requests_receiving_consulate_id FOREIGN KEY (receiving_consulate_id) REFERENCES consulates (id),
        CONSTRAINT fk_assistance_requests_requested_by FOREIGN KEY (requested_by) REFERENCES users (id),
        CONSTRAINT ck_assistance_requests_kind CHECK (kind IN ('assistance', 'notification')),
        CONSTRAINT ck_assistance_requests_status CHECK (status IN ('pending', 'accepted', 'rejected', 'completed', 'revoked')),
        CONSTRAINT ck_assistance_requests_reason CHECK (reason IN ('no_post_in_place', 'language', 'urgency', 'other')),
        CONSTRAINT ck_assistance_requests_other_country CHECK (requesting_country_code <> receiving_country_code),
        CONSTRAINT ck_assistance_requests_payload CHECK ((payload IS NULL) = (purged_at IS NOT NULL)),
        CONSTRAINT ck_assistance_requests_case CHECK (receiving_case_id IS NULL OR kind = 'assistance')
      )`);
    await q.query(
      'CREATE INDEX ix_assistance_requests_requesting ON assistance_requests (requesting_consulate_id, requested_at DESC)',
    );
    await q.query(
      'CREATE INDEX ix_assistance_requests_receiving ON assistance_requests (receiving_consulate_id, requested_at DESC)',
    );
    await q.query(
      'CREATE INDEX ix_assistance_requests_requesting_case_id ON assistance_requests (requesting_case_id)',
    );
    await q.query(`
      CREATE TABLE assistance_reports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL,
        side text NOT NULL,
        requesting_consulate_id uuid NOT NULL,
        requesting_country_code char(2) NOT NULL,
        receiving_consulate_id uuid NOT NULL,
        receiving_country_code char(2) NOT NULL,
        action_type text,
        text text NOT NULL,
        written_by uuid NOT NULL,
        written_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_assistance_reports PRIMARY KEY (id),
        CONSTRAINT fk_assistance_reports_request_id FOREIGN KEY (request_id) REFERENCES assistance_requests (id),
        CONSTRAINT fk_assistance_reports_written_by FOREIGN KEY (written_by) REFERENCES users (id),
        CONSTRAINT ck_assistance_reports_side CHECK (side IN ('requesting', 'receiving'))
      )`);
    await q.query(
      'CREATE INDEX ix_assistance_reports_request_id ON assistance_reports (request_id, written_at)',
    );
    for (const table of TABLES) {
      await q.query(`CREATE POLICY pl_${table}_scope ON ${table} USING (${EITHER_SIDE})`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE assistance_reports');
    await q.query('DROP TABLE assistance_requests');
  }
}
