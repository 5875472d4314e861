import { MigrationInterface, QueryRunner } from 'typeorm';

const FIELDS = `concat_ws('|',
          e.seq, e.id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
          e.actor_user_id, array_to_string(e.actor_roles, ','), e.consulate_id, e.country_code,
          e.action, e.resource_type, e.resource_id, e.outcome, e.request_id, host(e.ip),
          e.details::text, e.prev_hash)`;

/**
 * The audit chain's digest through PostgreSQL's own sha256() instead of pgcrypto's digest(): the
 * same bytes hashed (the text in the database encoding), so every stored hash still verifies. On
 * the embedded PGlite, pgcrypto is a separately loaded WebAssembly module whose OpenSSL calls fail
 * now and then ("Cannot use "sha256": Cipher cannot be initialized"), and every audited write went
 * through it; core functions run in the main module, which does not have that fault.
 */
export class AuditDigestCoreSha2561764000000011 implements MigrationInterface {
  name = 'AuditDigestCoreSha2561764000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_digest(e audit_events) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(${FIELDS}, getdatabaseencoding())), 'hex')
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_digest(e audit_events) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(digest(${FIELDS}, 'sha256'), 'hex')
      $$`);
  }
}
