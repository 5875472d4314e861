import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Export requests. The row is the truth about an export: it is written in the request's
 * transaction, and the queue only carries its id (a lost job is found again by the recovery sweep).
 */
export class CreateStatisticsExports1764000000005 implements MigrationInterface {
  name = 'CreateStatisticsExports1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE statistics_exports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        requested_by uuid,
        kind text NOT NULL,
        format text NOT NULL,
        language text NOT NULL DEFAULT 'es',
        request jsonb NOT NULL,
        scope jsonb NOT NULL,
        schedule_key text,
        status text NOT NULL DEFAULT 'queued',
        progress smallint NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        row_count integer,
        byte_size bigint,
        sha256 text,
        file_name text,
        failure_code text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        enqueued_at timestamptz,
        started_at timestamptz,
        completed_at timestamptz,
        expires_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_statistics_exports PRIMARY KEY (id),
        CONSTRAINT fk_statistics_exports_requested_by FOREIGN KEY (requested_by) REFERENCES users (id),
        CONSTRAINT uq_statistics_exports_schedule_key UNIQUE (schedule_key),
        CONSTRAINT ck_statistics_exports_kind CHECK (kind IN ('statistics', 'regional')),
        CONSTRAINT ck_statistics_exports_format CHECK (format IN ('csv', 'xlsx', 'json')),
        CONSTRAINT ck_statistics_exports_language CHECK (language IN ('es', 'en')),
        CONSTRAINT ck_statistics_exports_status CHECK
          (status IN ('queued', 'running', 'completed', 'failed', 'expired')),
        CONSTRAINT ck_statistics_exports_progress CHECK (progress BETWEEN 0 AND 100),
        CONSTRAINT ck_statistics_exports_requester CHECK (requested_by IS NOT NULL OR schedule_key IS NOT NULL)
      )`);
    await q.query(
      'CREATE INDEX ix_statistics_exports_requested_by_requested_at ON statistics_exports (requested_by, requested_at DESC)',
    );
    // The recovery sweep and the cleanup look for unfinished and expiring exports only.
    await q.query(
      `CREATE INDEX ix_statistics_exports_status_updated_at ON statistics_exports (status, updated_at)
        WHERE status IN ('queued', 'running', 'completed')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE statistics_exports');
  }
}
