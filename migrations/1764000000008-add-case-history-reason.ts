import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reason given for a status change (put on hold, closure request sent back, reopening) is kept
 * on the history entry of that change, so the case's history says why as well as what. Only the
 * status entry carries one: a reason on any other field would be a reason for nothing.
 */
export class AddCaseHistoryReason1764000000008 implements MigrationInterface {
  name = 'AddCaseHistoryReason1764000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_history ADD COLUMN reason text');
    await q.query(`
      ALTER TABLE case_history ADD CONSTRAINT ck_case_history_reason
        CHECK (reason IS NULL OR (field = 'status' AND length(btrim(reason)) BETWEEN 1 AND 2000))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_history DROP CONSTRAINT ck_case_history_reason');
    await q.query('ALTER TABLE case_history DROP COLUMN reason');
  }
}
