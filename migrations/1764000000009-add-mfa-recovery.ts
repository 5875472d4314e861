import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MFA recovery: one-time recovery codes (only their keyed hashes), the record of administrators'
 * MFA resets with the reason given, and the mark that makes a reset user enrol again at sign-in.
 */
export class AddMfaRecovery1764000000009 implements MigrationInterface {
  name = 'AddMfaRecovery1764000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mfa_recovery_codes (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        CONSTRAINT pk_mfa_recovery_codes PRIMARY KEY (id),
        CONSTRAINT fk_mfa_recovery_codes_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_mfa_recovery_codes_user_id_code_hash UNIQUE (user_id, code_hash)
      )`);
    await q.query(`
      CREATE TABLE mfa_resets (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        reset_by uuid NOT NULL,
        reason text NOT NULL,
        reset_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_mfa_resets PRIMARY KEY (id),
        CONSTRAINT fk_mfa_resets_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_mfa_resets_reset_by FOREIGN KEY (reset_by) REFERENCES users (id),
        CONSTRAINT ck_mfa_resets_reason CHECK (length(btrim(reason)) BETWEEN 10 AND 500)
      )`);
    await q.query('CREATE INDEX ix_mfa_resets_user_id_reset_at ON mfa_resets (user_id, reset_at)');
    await q.query('CREATE INDEX ix_mfa_resets_reset_by ON mfa_resets (reset_by)');
    await q.query('ALTER TABLE users ADD COLUMN mfa_reset_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN mfa_reset_at');
    await q.query('DROP TABLE mfa_resets');
    await q.query('DROP TABLE mfa_recovery_codes');
  }
}
