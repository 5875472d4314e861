import { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions later contexts rely on: UUIDs and hashing, fuzzy and accent-free search, case-free text. */
export class EnableExtensions1764000000000 implements MigrationInterface {
  name = 'EnableExtensions1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await q.query('CREATE EXTENSION IF NOT EXISTS citext');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP EXTENSION IF EXISTS citext');
    await q.query('DROP EXTENSION IF EXISTS unaccent');
    await q.query('DROP EXTENSION IF EXISTS pg_trgm');
    await q.query('DROP EXTENSION IF EXISTS pgcrypto');
  }
}
