import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError, safeErrorForLog } from '@amparo/core';
import { updateReturning, withinRowScope } from '@amparo/database';
import { HandlesJob, JOB_RETRY, JobContext, JobHandler, JobName, JobPayloads } from '@amparo/jobs';
import { DataSource, EntityManager } from 'typeorm';
import { ImportOwner, failImport, recordImportOutcome } from './import-outcome';
import { insertRosterBatch } from './roster-batch-insert';

/** Staged rows per batch: one statement and one commit each, and a progress mark after each. */
export const IMPORT_BATCH_ROWS = 2500;

interface Claimed extends ImportOwner {
  totalRows: number;
  validRows: number;
  committedConsulateId: string | null;
  attempt: number;
}

/**
 * Puts an import's valid staged rows on the roster in batches of IMPORT_BATCH_ROWS, each its own
 * transaction, writing the progress after each so the screen can follow it. All or nothing: when
 * the import fails for good, every entry it made is removed in the transaction that marks it
 * failed (delete by import_id), so a failed import leaves no row on the roster; while it runs, the
 * entries made so far are visible. Delivery is at least once: a batch run twice adds nothing (the
 * dedupe key is unique per event), and a finished import is left alone.
 */
@Injectable()
@HandlesJob(JobName.CrisisImport)
export class CrisisImportHandler implements JobHandler<typeof JobName.CrisisImport> {
  private readonly logger = new Logger(CrisisImportHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async handle(
    { importId }: JobPayloads[typeof JobName.CrisisImport],
    { attempt }: JobContext,
  ): Promise<void> {
    const claimed = await this.asSystem((m) => this.claim(m, importId));
    if (!claimed) return;
    try {
      for (let after = 0; after < claimed.totalRows; after += IMPORT_BATCH_ROWS) {
        const upTo = Math.min(after + IMPORT_BATCH_ROWS, claimed.totalRows);
        await this.asSystem(async (m) => {
          await insertRosterBatch(m, {
            importId,
            after,
            upTo,
            recordedBy: claimed.committedBy,
            recordedConsulateId: claimed.committedConsulateId,
          });
          await m.query(
            `UPDATE crisis_imports
                SET processed_rows = (SELECT count(*) FROM crisis_import_rows
                                       WHERE import_id = $1 AND status = 'valid' AND seq <= $2)
              WHERE id = $1 AND status = 'running' AND attempts = $3`,
            [importId, upTo, claimed.attempt],
          );
        });
      }
      await this.asSystem((m) => this.complete(m, importId, claimed));
    } catch (error) {
      // A row the database refuses (a constraint) fails the same way every time: fail now.
      const final =
        error instanceof DomainError || isDataError(error) || attempt >= JOB_RETRY.attempts;
      this.logger.warn(
        { error: safeErrorForLog(error), importId, attempt, final },
        'Crisis import attempt failed',
      );
      if (!final) throw error;
      await this.asSystem((m) => this.fail(m, importId, error));
    }
  }

  private asSystem<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return withinRowScope(this.dataSource, 'system', work);
  }

  /** Marks the import running for this attempt; null when it is finished (or gone). */
  private async claim(m: EntityManager, importId: string): Promise<Claimed | null> {
    const [row] = await updateReturning<Omit<Claimed, 'countryCode' | 'leadConsulateId'>>(
      m,
      `UPDATE crisis_imports
          SET status = 'running', attempts = attempts + 1, processed_rows = 0,
              started_at = coalesce(started_at, now())
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING event_id AS "eventId", total_rows AS "totalRows", valid_rows AS "validRows",
                  committed_by AS "committedBy", committed_consulate_id AS "committedConsulateId",
                  attempts AS "attempt"`,
      [importId],
    );
    if (!row) return null;
    const [event] = await m.query<{ countryCode: string; leadConsulateId: string }[]>(
      `SELECT country_code AS "countryCode", consulate_ids[1] AS "leadConsulateId"
         FROM crisis_events WHERE id = $1`,
      [row.eventId],
    );
    return { ...row, ...event };
  }

  private async complete(m: EntityManager, importId: string, claimed: Claimed): Promise<void> {
    const [{ imported }] = await m.query<{ imported: number }[]>(
      'SELECT count(*)::int AS imported FROM crisis_roster_entries WHERE import_id = $1',
      [importId],
    );
    const [done] = await updateReturning<{ id: string }>(
      m,
      `UPDATE crisis_imports
          SET status = 'completed', processed_rows = valid_rows, imported_rows = $2,
              skipped_duplicates = valid_rows - $2, error_code = NULL, finished_at = now()
        WHERE id = $1 AND status = 'running' AND attempts = $3
        RETURNING id`,
      [importId, imported, claimed.attempt],
    );
    if (!done) return;
    await recordImportOutcome(this.audit, m, 'crisis.import.complete', importId, claimed, {
      imported,
      skippedDuplicates: claimed.validRows - imported,
    });
  }

  private async fail(m: EntityManager, importId: string, error: unknown): Promise<void> {
    const code = error instanceof DomainError ? error.code : 'CRISIS_IMPORT_FAILED';
    await failImport(this.audit, m, importId, code, { unfinished: ['running'] });
  }
}

/** PostgreSQL's classes 22 (data exception) and 23 (integrity constraint violation). */
function isDataError(error: unknown): boolean {
  const code =
    (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ??
    (error as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23]/.test(code);
}
