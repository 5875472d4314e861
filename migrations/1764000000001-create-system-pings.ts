import { MigrationInterface, QueryRunner } from 'typeorm';

/** System pings prove the API → queue → worker path end to end. */
export class CreateSystemPings1764000000001 implements MigrationInterface {
  name = 'CreateSystemPings1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE system_pings (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'queued',
        requested_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        handled_by text,
        attempts integer NOT NULL DEFAULT 0,
        delay_ms integer NOT NULL DEFAULT 0,
        CONSTRAINT pk_system_pings PRIMARY KEY (id),
        CONSTRAINT ck_system_pings_status CHECK (status IN ('queued', 'completed')),
        CONSTRAINT ck_system_pings_delay_ms CHECK (delay_ms BETWEEN 0 AND 5000)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE system_pings');
  }
}
