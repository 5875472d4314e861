import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { CaseAccess } from '@amparo/cases';
import { DomainError } from '@amparo/core';
import { CountriesService } from '@amparo/directory';
import { Caller } from '@amparo/identity';
import { JobName, JobQueue } from '@amparo/jobs';
import { isUUID } from 'class-validator';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { recordCrisisEvent } from '../crisis-audit';
import { CrisisEventRow } from '../events/crisis-event';
import { CrisisEventAccess } from '../events/crisis-event-access';
import {
  CrisisImport,
  IMPORT_COLUMNS_SQL,
  ImportPreview,
  ImportRowReport,
  toCrisisImport,
} from './crisis-import';
import { mapImportColumns } from './import-columns';
import './import-errors';
import { detectImportFormat } from './import-file-format';
import { readImportFile } from './import-file-reader';
import { IMPORT_LIMITS } from './import-limits';
import { RowChecks, validateImportRow } from './import-row-validation';
import { StagedRow, stageImportRows } from './import-staging';

export interface UploadedImportFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * Bulk import onto a crisis event's roster: the preview reads and checks the whole file once and
 * stages its rows with a report per row; the commit queues a job that puts the valid rows on the
 * roster (CrisisImportHandler). A file that cannot be read at all is refused before anything is
 * stored. Audited with ids and counts only.
 */
@Injectable()
export class CrisisImportsService {
  constructor(
    private readonly cases: CaseAccess,
    private readonly events: CrisisEventAccess,
    private readonly countries: CountriesService,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async preview(
    caller: Caller,
    eventId: string,
    file: UploadedImportFile,
    today = new Date(),
  ): Promise<ImportPreview> {
    const event = await this.cases.read(caller, (m) => this.events.find(caller, m, eventId));
    this.events.assertWrite(caller, event);
    this.events.assertOpen(event);
    const format = detectImportFormat(file.bytes);
    const content = await readImportFile(file.bytes, format);
    const columns = mapImportColumns(content.header);
    const checks = await this.rowChecks(event, today);

    const rows: StagedRow[] = [];
    const seen = new Set<string>();
    for (const { row, cells } of content.rows) {
      if (
        cells.length > content.header.length &&
        cells.slice(content.header.length).some((c) => c.trim())
      ) {
        rows.push({ row, status: 'invalid', person: null, errors: [extraCellsProblem()] });
        continue;
      }
      const result = validateImportRow(cells, columns, checks);
      if (!result.ok) {
        rows.push({ row, status: 'invalid', person: null, errors: result.errors });
        continue;
      }
      const key = result.person.dedupeKey;
      rows.push({
        row,
        status: seen.has(key) ? 'duplicate' : 'valid',
        person: result.person,
        errors: null,
      });
      seen.add(key);
    }

    const id = await this.cases.write(caller, async (m) => {
      const onRoster = await this.keysOnRoster(m, event.id, [...seen]);
      for (const r of rows)
        if (r.status === 'valid' && onRoster.has(r.person!.dedupeKey)) r.status = 'duplicate';
      const count = (status: StagedRow['status']) => rows.filter((r) => r.status === status).length;
      const [{ id }] = await m.query<{ id: string }[]>(
        `INSERT INTO crisis_imports (event_id, file_name, sha256, format, byte_size, columns, total_rows,
            valid_rows, invalid_rows, duplicate_rows, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          event.id,
          safeFileName(file.fileName),
          createHash('sha256').update(file.bytes).digest('hex'),
          format,
          file.bytes.length,
          JSON.stringify(columns.columns),
          rows.length,
          count('valid'),
          count('invalid'),
          count('duplicate'),
          caller.userId,
        ],
      );
      await stageImportRows(m, id, event.id, rows);
      await recordCrisisEvent(this.audit, m, caller, 'crisis.import.preview', event, {
        importId: id,
        format,
        totalRows: rows.length,
        validRows: count('valid'),
        invalidRows: count('invalid'),
        duplicateRows: count('duplicate'),
      });
      return id;
    });
    const found = await this.cases.read(caller, (m) => this.importOf(m, event.id, id));
    const problems = rows
      .filter((r) => r.status !== 'valid')
      .slice(0, IMPORT_LIMITS.previewRows)
      .map((r) => ({ row: r.row, status: r.status, errors: r.errors ?? [] }));
    return { ...found, rows: problems };
  }

  /** Queues the import of the valid rows; 202 with the import queued. */
  async commit(caller: Caller, eventId: string, importId: string): Promise<CrisisImport> {
    const queued = await this.cases.write(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      const post = this.events.assertWrite(caller, event);
      this.events.assertOpen(event);
      const found = await this.importOf(m, event.id, importId, { lock: true });
      if (found.status !== 'previewed')
        throw new DomainError('CRISIS_IMPORT_NOT_PREVIEWED', 'conflict');
      await m.query(
        `UPDATE crisis_imports SET status = 'queued', committed_by = $2, committed_consulate_id = $3,
                queued_at = now() WHERE id = $1`,
        [found.id, caller.userId, post],
      );
      await recordCrisisEvent(this.audit, m, caller, 'crisis.import.commit', event, {
        importId: found.id,
        validRows: found.validRows,
      });
      return { ...found, status: 'queued' as const };
    });
    try {
      await this.jobs.enqueue(JobName.CrisisImport, { importId: queued.id }, { jobId: queued.id });
    } catch (error) {
      // No job, no queued import: the officer can commit again once the queue answers.
      await this.cases.write(caller, (m) =>
        m.query(
          `UPDATE crisis_imports SET status = 'previewed', queued_at = NULL WHERE id = $1 AND status = 'queued'`,
          [queued.id],
        ),
      );
      throw error;
    }
    return queued;
  }

  async status(caller: Caller, eventId: string, importId: string): Promise<CrisisImport> {
    return this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      return this.importOf(m, event.id, importId);
    });
  }

  async list(caller: Caller, eventId: string): Promise<CrisisImport[]> {
    return this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      const rows = await m.query<Record<string, unknown>[]>(
        `SELECT ${IMPORT_COLUMNS_SQL} FROM crisis_imports i WHERE i.event_id = $1
          ORDER BY i.created_at DESC, i.id LIMIT 100`,
        [event.id],
      );
      return rows.map(toCrisisImport);
    });
  }

  /** Every row's outcome, in file order, for the downloadable report. Audited as a read. */
  async report(
    caller: Caller,
    eventId: string,
    importId: string,
  ): Promise<{ import: CrisisImport; rows: ImportRowReport[] }> {
    const result = await this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      const found = await this.importOf(m, event.id, importId);
      const rows = await m.query<
        {
          row: number;
          status: ImportRowReport['status'];
          errors: ImportRowReport['errors'] | null;
        }[]
      >(
        `SELECT row_number AS "row", status, errors FROM crisis_import_rows WHERE import_id = $1 ORDER BY seq`,
        [found.id],
      );
      return { event, import: found, rows: rows.map((r) => ({ ...r, errors: r.errors ?? [] })) };
    });
    await recordCrisisEvent(this.audit, undefined, caller, 'crisis.import.report', result.event, {
      importId: result.import.id,
      rows: result.rows.length,
    });
    return { import: result.import, rows: result.rows };
  }

  private async importOf(
    m: EntityManager,
    eventId: string,
    importId: string,
    { lock = false } = {},
  ): Promise<CrisisImport> {
    if (!isUUID(importId)) throw new DomainError('CRISIS_IMPORT_NOT_FOUND', 'not_found');
    const [row] = await m.query<Record<string, unknown>[]>(
      `SELECT ${IMPORT_COLUMNS_SQL} FROM crisis_imports i WHERE i.id = $1 AND i.event_id = $2
        ${lock ? 'FOR UPDATE' : ''}`,
      [importId, eventId],
    );
    if (!row) throw new DomainError('CRISIS_IMPORT_NOT_FOUND', 'not_found');
    return toCrisisImport(row);
  }

  /** Dedupe keys of the file already on the event's roster (an earlier import, another file). */
  private async keysOnRoster(
    m: EntityManager,
    eventId: string,
    keys: string[],
  ): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await m.query<{ key: string }[]>(
      `SELECT dedupe_key AS key FROM crisis_roster_entries
        WHERE event_id = $1 AND dedupe_key = ANY($2::text[])`,
      [eventId, keys],
    );
    return new Set(rows.map((r) => r.key));
  }

  private async rowChecks(event: CrisisEventRow, today: Date): Promise<RowChecks> {
    const [countries, subdivisions] = await Promise.all([
      this.countries.list({}),
      this.countries.subdivisions(event.hostCountryCode),
    ]);
    return {
      countries: new Set(countries.map((c) => c.code)),
      hostSubdivisions: new Set(subdivisions.map((s) => s.code)),
      today,
    };
  }
}

function extraCellsProblem() {
  return {
    field: '*',
    code: 'EXTRA_CELLS',
    message: {
      es: 'La fila tiene más celdas que la fila de encabezados.',
      en: 'The row has more cells than the header row.',
    },
  };
}

/** The name as the user knows it, without a path and bounded, for the list of imports. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters (codes below 32, and 127) never reach a list or a header.
  const printable = [...base].filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127);
  return printable.join('').slice(0, 200) || 'import';
}
