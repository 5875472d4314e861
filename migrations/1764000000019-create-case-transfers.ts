import { MigrationInterface, QueryRunner } from 'typeorm';

const SYSTEM = `(SELECT coalesce(current_setting('amparo.scope_system', true), '') = 'on')`;
const CONSULATES = `(SELECT amparo_scope_consulates())::uuid[]`;
const COUNTRIES = `(SELECT amparo_scope_countries())::bpchar[]`;

/** The fields whose history entry may say why they changed: a status, or a transfer's move. */
const REASONED_FIELDS = `('status', 'consulateId', 'reference', 'assignedOfficerId')`;

/**
 * Transfers of a case between posts of one country: the sending side proposes, the receiving post
 * accepts (the case takes the post and a reference of its new post) or rejects, or the sending side
 * cancels. A case's former references are kept, so an old reference still finds the case. Both
 * tables are behind the row-level security wall (docs/row-security.md): a transfer is seen by both
 * posts and the country's supervisors, a former reference by whoever may see its case now.
 */
export class CreateCaseTransfers1764000000019 implements MigrationInterface {
  name = 'CreateCaseTransfers1764000000019';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_transfers (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        from_consulate_id uuid NOT NULL,
        to_consulate_id uuid NOT NULL,
        case_reference text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        reason text NOT NULL,
        proposed_by uuid NOT NULL,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid,
        decided_at timestamptz,
        rejection_reason text,
        new_reference text,
        case_summary jsonb,
        CONSTRAINT pk_case_transfers PRIMARY KEY (id),
        CONSTRAINT fk_case_transfers_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT fk_case_transfers_from_consulate_id_country_code FOREIGN KEY (from_consulate_id, country_code)
          REFERENCES consulates (id, sending_country_code),
        CONSTRAINT fk_case_transfers_to_consulate_id_country_code FOREIGN KEY (to_consulate_id, country_code)
          REFERENCES consulates (id, sending_country_code),
        CONSTRAINT fk_case_transfers_proposed_by FOREIGN KEY (proposed_by) REFERENCES users (id),
        CONSTRAINT fk_case_transfers_decided_by FOREIGN KEY (decided_by) REFERENCES users (id),
        CONSTRAINT ck_case_transfers_status CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled')),
        CONSTRAINT ck_case_transfers_posts CHECK (from_consulate_id <> to_consulate_id),
        CONSTRAINT ck_case_transfers_reason CHECK (length(btrim(reason)) BETWEEN 10 AND 2000),
        CONSTRAINT ck_case_transfers_decision CHECK (
          (status = 'pending') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL)),
        CONSTRAINT ck_case_transfers_rejection_reason CHECK (
          (status = 'rejected') = (rejection_reason IS NOT NULL)
          AND (rejection_reason IS NULL OR length(btrim(rejection_reason)) BETWEEN 10 AND 2000)),
        CONSTRAINT ck_case_transfers_new_reference CHECK ((status = 'accepted') = (new_reference IS NOT NULL)),
        -- The case as it was when the transfer was decided; while pending, the case itself is read.
        CONSTRAINT ck_case_transfers_case_summary CHECK ((status = 'pending') = (case_summary IS NULL))
      )`);
    // One open proposal per case: the service checks first, this decides races.
    await q.query(
      `CREATE UNIQUE INDEX uq_case_transfers_case_id_pending ON case_transfers (case_id) WHERE status = 'pending'`,
    );
    await q.query(
      'CREATE INDEX ix_case_transfers_case_id_proposed_at ON case_transfers (case_id, proposed_at)',
    );
    for (const column of ['from_consulate_id', 'to_consulate_id', 'country_code'])
      await q.query(
        `CREATE INDEX ix_case_transfers_${column}_proposed_at ON case_transfers (${column}, proposed_at DESC, id)`,
      );

    await q.query(`
      CREATE TABLE case_references (
        reference text NOT NULL,
        case_id uuid NOT NULL,
        consulate_id uuid NOT NULL,
        used_until timestamptz NOT NULL,
        transfer_id uuid NOT NULL,
        CONSTRAINT pk_case_references PRIMARY KEY (reference),
        CONSTRAINT fk_case_references_case_id FOREIGN KEY (case_id) REFERENCES cases (id),
        CONSTRAINT fk_case_references_consulate_id FOREIGN KEY (consulate_id) REFERENCES consulates (id),
        CONSTRAINT fk_case_references_transfer_id FOREIGN KEY (transfer_id) REFERENCES case_transfers (id)
      )`);
    await q.query('CREATE INDEX ix_case_references_case_id ON case_references (case_id)');
    // A reference a case once had is part of its record, like its actions.
    await q.query(`
      CREATE TRIGGER tr_case_references_append_only BEFORE UPDATE OR DELETE ON case_references
      FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);

    await q.query(
      `CREATE POLICY pl_case_references_scope ON case_references USING (${SYSTEM} OR amparo_case_in_scope(case_id))`,
    );
    // Both posts see their transfer whatever became of it, the country's supervisors all of them,
    // and the post that has the case now its transfers of before.
    await q.query(`
      CREATE POLICY pl_case_transfers_scope ON case_transfers
        USING (${SYSTEM} OR from_consulate_id = ANY (${CONSULATES}) OR to_consulate_id = ANY (${CONSULATES})
               OR country_code = ANY (${COUNTRIES}) OR amparo_case_in_scope(case_id))`);
    for (const table of ['case_transfers', 'case_references']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    }

    // A transfer's reason goes on the history entries of what it moved, as a status change's does.
    await q.query('ALTER TABLE case_history DROP CONSTRAINT ck_case_history_reason');
    await q.query(`
      ALTER TABLE case_history ADD CONSTRAINT ck_case_history_reason
        CHECK (reason IS NULL OR (field IN ${REASONED_FIELDS} AND length(btrim(reason)) BETWEEN 1 AND 2000))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_history DROP CONSTRAINT ck_case_history_reason');
    await q.query(`UPDATE case_history SET reason = NULL WHERE field <> 'status'`);
    await q.query(`
      ALTER TABLE case_history ADD CONSTRAINT ck_case_history_reason
        CHECK (reason IS NULL OR (field = 'status' AND length(btrim(reason)) BETWEEN 1 AND 2000))`);
    await q.query('DROP TABLE case_references');
    await q.query('DROP TABLE case_transfers');
  }
}
