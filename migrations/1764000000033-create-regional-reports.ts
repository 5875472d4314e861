import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regional semester report (issue 18): a queued job writes, from the verified national exports
 * of a semester and the good practices published in it, a PDF in Spanish and one in English and an
 * XLSX annex. The files are kept in the database with the report (a few hundred kilobytes each,
 * written in the same transaction that marks the report done, so a report is never half there).
 * Aggregates already protected by each country's disclosure control and the secretariat's user ids,
 * no case or person data: no row security, like regional_exports.
 */
export class CreateRegionalReports1764000000033 implements MigrationInterface {
  name = 'CreateRegionalReports1764000000033';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regional_reports (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        semester text NOT NULL,
        status text NOT NULL DEFAULT 'queued',
        progress integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        error_code text,
        countries text[] NOT NULL DEFAULT '{}',
        sources jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT pk_regional_reports PRIMARY KEY (id),
        CONSTRAINT fk_regional_reports_requested_by FOREIGN KEY (requested_by) REFERENCES users (id),
        CONSTRAINT ck_regional_reports_semester CHECK (semester ~ '^[0-9]{4}-S[12]$'),
        CONSTRAINT ck_regional_reports_status CHECK (status IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT ck_regional_reports_progress CHECK (progress BETWEEN 0 AND 100),
        CONSTRAINT ck_regional_reports_failed CHECK ((status = 'failed') = (error_code IS NOT NULL))
      )`);
    await q.query(
      'CREATE INDEX ix_regional_reports_semester_requested_at ON regional_reports (semester, requested_at)',
    );
    await q.query(`
      CREATE TABLE regional_report_files (
        report_id uuid NOT NULL,
        name text NOT NULL,
        language text,
        media_type text NOT NULL,
        content bytea NOT NULL,
        byte_size integer NOT NULL,
        sha256 text NOT NULL,
        CONSTRAINT pk_regional_report_files PRIMARY KEY (report_id, name),
        CONSTRAINT fk_regional_report_files_report_id FOREIGN KEY (report_id)
          REFERENCES regional_reports (id) ON DELETE CASCADE,
        CONSTRAINT ck_regional_report_files_name CHECK (name IN ('report-es.pdf', 'report-en.pdf', 'annex.xlsx')),
        CONSTRAINT ck_regional_report_files_language CHECK (language IS NULL OR language IN ('es', 'en')),
        CONSTRAINT ck_regional_report_files_sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$')
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE regional_report_files');
    await q.query('DROP TABLE regional_reports');
  }
}
