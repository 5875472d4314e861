import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, safeErrorForLog } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { HandlesJob, JOB_RETRY, JobContext, JobHandler, JobName, JobPayloads } from '@amparo/jobs';
import { PublishedPracticesService, PublishedPractice } from '@amparo/practices';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RegionalExportsService } from '../regional-exports.service';
import { renderRegionalReportAnnex } from './regional-report-annex';
import { ReportPractice, regionalReportContent } from './regional-report-content';
import { renderRegionalReportPdf } from './regional-report-pdf';
import { REGIONAL_REPORT_FILES, RegionalReportFileName } from './regional-report-record';

/** A practice's summary in the report: the problem it answers, cut at a word near this length. */
const SUMMARY_CHARACTERS = 400;

/**
 * Writes the semester report of a `regional_reports` row: reloads the semester's verified exports
 * and published practices, builds the content once, renders both PDFs and the annex, and stores
 * the three files and `done` in one transaction, so a report has all its files or none. Idempotent:
 * a redelivered job of a finished report does nothing; one of a running report starts it over.
 */
@Injectable()
@HandlesJob(JobName.RegionalReport)
export class RegionalReportHandler implements JobHandler<typeof JobName.RegionalReport> {
  private readonly logger = new Logger(RegionalReportHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly exports: RegionalExportsService,
    private readonly practices: PublishedPracticesService,
  ) {}

  async handle(
    { reportId }: JobPayloads[typeof JobName.RegionalReport],
    { attempt }: JobContext,
  ): Promise<void> {
    const claimed = await this.claim(reportId);
    if (!claimed) return;
    try {
      const files = await this.produce(reportId, claimed.semester, claimed.attempts);
      await this.finish(reportId, claimed.attempts, files);
    } catch (error) {
      const final = error instanceof DomainError || attempt >= JOB_RETRY.attempts;
      this.logger.warn(
        { error: safeErrorForLog(error), reportId, attempt, final },
        'Regional report attempt failed',
      );
      if (!final) throw error;
      await this.dataSource.query(
        `UPDATE regional_reports SET status = 'failed', error_code = $2, progress = 0,
                finished_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'running' AND attempts = $3`,
        [
          reportId,
          error instanceof DomainError ? error.code : 'REGIONAL_REPORT_FAILED',
          claimed.attempts,
        ],
      );
    }
  }

  private async produce(
    id: string,
    semester: string,
    attempt: number,
  ): Promise<
    { name: RegionalReportFileName; content: Buffer; countries: string[]; sources: unknown }[]
  > {
    const documents = await this.exports.semesterDocuments(semester);
    if (!documents.length)
      throw new DomainError('REGIONAL_REPORT_NO_EXPORTS', 'unprocessable', {
        params: { semester },
      });
    const { from, to } = semesterDates(semester);
    const practices = (await this.practices.publishedBetween(from, to)).map(toReportPractice);
    const content = regionalReportContent({
      semester,
      generatedAt: new Date().toISOString(),
      sources: documents.map((d) => ({
        regionalExportId: d.id,
        keyId: d.keyId,
        fingerprint: d.fingerprint,
        sha256: d.sha256,
        document: d.document,
      })),
      practices,
    });
    await this.progress(id, attempt, 20);
    const es = await renderRegionalReportPdf(content, 'es');
    await this.progress(id, attempt, 50);
    const en = await renderRegionalReportPdf(content, 'en');
    await this.progress(id, attempt, 80);
    const annex = await renderRegionalReportAnnex(content);
    const meta = { countries: content.countries, sources: content.sources };
    return [
      { name: 'report-es.pdf', content: es, ...meta },
      { name: 'report-en.pdf', content: en, ...meta },
      { name: 'annex.xlsx', content: annex, ...meta },
    ];
  }

  /** Stores the files and marks the report done, unless a later attempt has claimed it meanwhile. */
  private async finish(
    id: string,
    attempt: number,
    files: {
      name: RegionalReportFileName;
      content: Buffer;
      countries: string[];
      sources: unknown;
    }[],
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ status: string; attempts: number }[]>(
        'SELECT status, attempts FROM regional_reports WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!row || row.status !== 'running' || Number(row.attempts) !== attempt) return;
      await manager.query('DELETE FROM regional_report_files WHERE report_id = $1', [id]);
      for (const file of files) {
        const spec = REGIONAL_REPORT_FILES.find((f) => f.name === file.name)!;
        await manager.query(
          `INSERT INTO regional_report_files (report_id, name, language, media_type, content, byte_size, sha256)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            id,
            spec.name,
            spec.language,
            spec.mediaType,
            file.content,
            file.content.length,
            createHash('sha256').update(file.content).digest('hex'),
          ],
        );
      }
      await manager.query(
        `UPDATE regional_reports SET status = 'done', progress = 100, finished_at = now(),
                updated_at = now(), countries = $2, sources = $3
          WHERE id = $1`,
        [id, files[0].countries, JSON.stringify(files[0].sources)],
      );
    });
  }

  /** Marks the report running for this attempt; null when it is finished or gone. */
  private async claim(id: string): Promise<{ semester: string; attempts: number } | null> {
    const [row] = await updateReturning<{ semester: string; attempts: number }>(
      this.dataSource.manager,
      `UPDATE regional_reports SET status = 'running', attempts = attempts + 1, progress = 5,
              updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING semester, attempts`,
      [id],
    );
    return row ? { semester: row.semester, attempts: Number(row.attempts) } : null;
  }

  private async progress(id: string, attempt: number, progress: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE regional_reports SET progress = $2, updated_at = now()
        WHERE id = $1 AND status = 'running' AND attempts = $3`,
      [id, progress, attempt],
    );
  }
}

/** `2026-S1` → 2026-01-01 to 2026-06-30. */
export function semesterDates(semester: string): { from: string; to: string } {
  const [year, half] = semester.split('-S');
  return half === '1'
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

function toReportPractice(p: PublishedPractice): ReportPractice {
  const es = p.titleEs ?? p.titleEn ?? '';
  const en = p.titleEn ?? p.titleEs ?? '';
  return {
    title: { es, en },
    kind: p.kind,
    countries: [...p.countries].sort(),
    summary: shorten(p.problem, SUMMARY_CHARACTERS),
    publishedAt: new Date(p.publishedAt).toISOString(),
  };
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length - 40))}…`;
}
