import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What is to be done next on a case, and by when: the work queue's "next steps due or overdue"
 * reads it. It lives on the case, not only on the action that set it, so a queue of a post's open
 * cases is one index range instead of a search for each case's latest action.
 */
export class AddCaseNextStep1764000000015 implements MigrationInterface {
  name = 'AddCaseNextStep1764000000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases ADD COLUMN next_step text, ADD COLUMN next_step_due date');
    await q.query(`
      ALTER TABLE cases ADD CONSTRAINT ck_cases_next_step
        CHECK (next_step IS NULL OR length(btrim(next_step)) BETWEEN 1 AND 300)`);
    // Only open cases have a step to take; closed ones leave the index.
    await q.query(`
      CREATE INDEX ix_cases_consulate_id_next_step_due ON cases (consulate_id, next_step_due, id)
        WHERE next_step_due IS NOT NULL AND status <> 'closed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_cases_consulate_id_next_step_due');
    await q.query('ALTER TABLE cases DROP CONSTRAINT ck_cases_next_step');
    await q.query('ALTER TABLE cases DROP COLUMN next_step_due, DROP COLUMN next_step');
  }
}
