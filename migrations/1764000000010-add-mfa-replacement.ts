import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replacing the authenticator: when each session's sign-in proved a second factor (the replacement
 * asks for a recent one), and the replacement a session started and has not confirmed yet (the new
 * secret, sealed like users.mfa_secret; at most one per user).
 */
export class AddMfaReplacement1764000000010 implements MigrationInterface {
  name = 'AddMfaReplacement1764000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE refresh_tokens ADD COLUMN mfa_verified_at timestamptz');
    await q.query(`
      CREATE TABLE mfa_replacements (
        user_id uuid NOT NULL,
        session_id uuid NOT NULL,
        secret text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_mfa_replacements PRIMARY KEY (user_id),
        CONSTRAINT fk_mfa_replacements_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mfa_replacements');
    await q.query('ALTER TABLE refresh_tokens DROP COLUMN mfa_verified_at');
  }
}
