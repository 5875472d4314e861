import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError, safeErrorForLog } from '@amparo/core';
import { HandlesJob, JOB_RETRY, JobContext, JobHandler, JobName, JobPayloads } from '@amparo/jobs';
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { updateReturning } from '@amparo/database';
import { version } from '../../../../package.json';
import { CodeLabelResolver } from '../aggregate/code-label-resolver';
import { DISCLOSURE_RULE, StatisticsTable, StatisticsTables } from '../aggregate/statistics-tables';
import { DISCLOSURE_METHOD } from '../disclosure';
import { StatisticsScope } from '../aggregate/statistics-scope';
import { ExportSignature, StatisticsExportMetadata } from '../export-format';
import { DIMENSIONS } from '../model/dimensions';
import { MEASURES, MeasureId } from '../model/measures';
import { EXPORT_COLUMNS, ExportRecord, measureQuery, toExportRecord } from './export-record';
import { ExportFiles, TemporaryFile } from './export-files';
import { ExportLayout } from './writers/export-layout';
import { createExportWriter } from './writers/create-export-writer';
import { ExportMetadata } from './writers/export-writer';
import { ExportSigningKey } from '../signing/export-signing-key';

/**
 * Produces an export's file. Delivery is at least once, and two attempts of one export can even
 * run at once (Redis lost its data and the sweep queued it again, or a job lock lapsed), so each
 * attempt claims the export row with a number of its own (`attempts`) and writes a temporary file
 * of its own. Only the latest attempt publishes, under the row lock and in the transaction that
 * stores the digest, so the stored digest is always the published file's; an attempt superseded
 * meanwhile discards its file and ends quietly. A finished export is left alone.
 */
@Injectable()
@HandlesJob(JobName.StatisticsExport)
export class StatisticsExportHandler implements JobHandler<typeof JobName.StatisticsExport> {
  private readonly logger = new Logger(StatisticsExportHandler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tables: StatisticsTables,
    private readonly labels: CodeLabelResolver,
    private readonly files: ExportFiles,
    private readonly signingKey: ExportSigningKey,
  ) {}

  async handle(
    { exportId }: JobPayloads[typeof JobName.StatisticsExport],
    { attempt }: JobContext,
  ): Promise<void> {
    const pending = await this.pending(exportId);
    if (!pending) return;
    // PostgreSQL computes the next table while this process writes the current one, and the
    // first from the start: its SQL goes out with the running mark, not after that commit, and
    // runs while the file is opened. The request cannot change meanwhile; if the mark finds the
    // export finished after all, the table computed for nothing is awaited and dropped.
    const plan = exportPlan(pending);
    const tables = new TablePipeline(plan.steps.length, (i) =>
      this.tables.table(measureQuery(pending.spec, plan.steps[i].measure), plan.steps[i].scope),
    );
    try {
      const claimed = await this.claim(exportId);
      if (claimed !== null) await this.complete(pending, plan, tables, claimed, attempt);
    } finally {
      // No table query outlives the attempt, whatever way it ends.
      await tables.settle();
    }
  }

  /**
   * Writes the file and records the outcome (or leaves a retryable failure to BullMQ). `claimed`
   * is this attempt's number on the export row; `attempt` is BullMQ's delivery count, which
   * decides when retries are spent.
   */
  private async complete(
    record: ExportRecord,
    plan: ExportPlan,
    tables: TablePipeline<StatisticsTable>,
    claimed: number,
    attempt: number,
  ): Promise<void> {
    try {
      let rowCount = 0;
      let countries: string[] = [];
      const file = await this.files.writeTemporary(
        `${record.id}.${record.format}`,
        claimed,
        async (out) => {
          ({ rows: rowCount, countries } = await this.produce(record, plan, tables, out, claimed));
        },
      );
      let published = false;
      try {
        // Over the bytes on disk, read back: what is signed is exactly what will be downloaded.
        // Gone already: a later attempt published and swept this one's file, so it has lost.
        const bytes = await readFile(file.path).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        });
        if (bytes) {
          const signature = this.signingKey.sign(bytes, countries);
          published = await this.publish(record.id, claimed, file, rowCount, signature);
        }
      } finally {
        // Not published (superseded, or the transaction failed): nobody else deletes it.
        if (!published) await this.files.discard(file);
      }
      if (!published) {
        this.logger.log(
          { exportId: record.id, attempt: claimed },
          'Export attempt superseded by a later one; its file was discarded',
        );
        return;
      }
      await this.files.removeTemporaryFilesBefore(file.fileName, claimed);
    } catch (error) {
      // A request that cannot be computed (a table too large) fails now; anything else is retried
      // with backoff and fails only when the attempts are spent.
      const final = error instanceof DomainError || attempt >= JOB_RETRY.attempts;
      this.logger.warn(
        { error: safeErrorForLog(error), exportId: record.id, attempt, final },
        'Export attempt failed',
      );
      if (!final) throw error;
      // Only the latest attempt speaks for the export: a superseded one's failure changes nothing.
      await this.dataSource.query(
        `UPDATE statistics_exports SET status = 'failed', failure_code = $2, updated_at = now()
          WHERE id = $1 AND status = 'running' AND attempts = $3`,
        [record.id, error instanceof DomainError ? error.code : 'EXPORT_FAILED', claimed],
      );
    }
  }

  /**
   * Publishes the file of attempt `claimed` and stores its digest, in one transaction holding the
   * row lock, provided the export is still running and no later attempt has claimed it; false
   * otherwise. The rename happens after the update and before the commit: a failed rename rolls
   * the completion back, and no other attempt can publish or claim until the commit.
   */
  private async publish(
    id: string,
    claimed: number,
    file: TemporaryFile,
    rowCount: number,
    signature: ExportSignature,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ status: string; attempts: number }[]>(
        'SELECT status, attempts FROM statistics_exports WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!row || row.status !== 'running' || Number(row.attempts) !== claimed) return false;
      await manager.query(
        `UPDATE statistics_exports
            SET status = 'completed', progress = 100, row_count = $2, byte_size = $3, sha256 = $4,
                file_name = $5, failure_code = NULL, completed_at = now(),
                expires_at = now() + make_interval(days => $6), updated_at = now(),
                signature = $7, signing_key_id = $8
          WHERE id = $1`,
        [
          id,
          rowCount,
          file.byteSize,
          file.sha256,
          file.fileName,
          this.config.exports.ttlDays,
          JSON.stringify(signature),
          signature.keyId,
        ],
      );
      await this.files.publish(file);
      return true;
    });
  }

  /** The export as requested, when it is still to be done (queued, or running when retried). */
  private async pending(id: string): Promise<ExportRecord | null> {
    const [row] = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT ${EXPORT_COLUMNS} FROM statistics_exports
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [id],
    );
    return row ? toExportRecord(row) : null;
  }

  /**
   * Marks the export running and claims it for this attempt: returns the attempt's number, or null
   * when there is nothing to do (finished meanwhile, or gone). The request itself was read by
   * `pending` and does not change.
   */
  private async claim(id: string): Promise<number | null> {
    const [claimed] = await updateReturning<{ attempts: number }>(
      this.dataSource.manager,
      `UPDATE statistics_exports
          SET status = 'running', attempts = attempts + 1, progress = 0,
              started_at = COALESCE(started_at, now()), updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING attempts`,
      [id],
    );
    return claimed ? Number(claimed.attempts) : null;
  }

  /** Streams every table of the export into `out`; returns the rows written and the countries. */
  private async produce(
    record: ExportRecord,
    plan: ExportPlan,
    tables: TablePipeline<StatisticsTable>,
    out: Writable,
    claimed: number,
  ): Promise<{ rows: number; countries: string[] }> {
    const { scope } = record;
    const { regional, steps } = plan;
    const described = await this.describeScope(record);
    const countryLabels = await this.labels.labels(this.dataSource.manager, 'country', [
      ...scope.countries,
    ]);
    const dimensions = record.spec.dimensions.map((d) => DIMENSIONS[d]);
    const layout = new ExportLayout(dimensions, regional, record.language, countryLabels);
    const writer = createExportWriter(record.format, out, layout);
    const metadata = (complete: boolean) => this.metadata(record, described, layout, complete);
    await writer.begin(metadata(false));

    let rows = 0;
    const pace = new RowPace(this.config.exports.maxRowsPerSecond);
    for (const [i, { refArea, measure }] of steps.entries()) {
      const table = await tables.take(i);
      layout.learn(table.axes);
      for (const cell of table.cells) {
        await writer.write({ measure, refArea, ...cell });
        rows++;
        await pace.wait();
      }
      // No progress write after the last table: the completion, a commit later, sets 100.
      if (i + 1 === steps.length) continue;
      await this.dataSource.query(
        'UPDATE statistics_exports SET progress = $2, updated_at = now() WHERE id = $1 AND attempts = $3',
        [record.id, Math.floor(((i + 1) / steps.length) * 100), claimed],
      );
    }
    await writer.end(metadata(true));
    return { rows, countries: described.countries };
  }

  /** The scope as the file states it: countries, and the posts' codes when it is a list of posts. */
  private async describeScope(record: ExportRecord): Promise<StatisticsExportMetadata['scope']> {
    const { countries, consulateIds } = record.scope;
    if (!consulateIds.length) return { countries: [...countries] };
    const posts: { code: string; country: string }[] = await this.dataSource.query(
      `SELECT sending_country_code || '-' || post_code AS code, sending_country_code AS country
         FROM consulates_for_statistics WHERE id = ANY($1::uuid[]) ORDER BY 1`,
      [consulateIds],
    );
    return {
      countries: [...new Set([...countries, ...posts.map((p) => p.country)])].sort(),
      consulates: posts.map((p) => p.code),
    };
  }

  private metadata(
    record: ExportRecord,
    scope: StatisticsExportMetadata['scope'],
    layout: ExportLayout,
    complete: boolean,
  ): ExportMetadata {
    const codeLists = layout.codeLists();
    const metadata: Omit<StatisticsExportMetadata, 'dimensions'> & {
      dimensions: Partial<StatisticsExportMetadata['dimensions'][number]>[];
    } = {
      exportId: record.id,
      kind: record.kind,
      generatedAt: new Date().toISOString(),
      software: { name: 'amparo', version },
      scope,
      period: record.spec.period,
      from: record.spec.from,
      to: record.spec.to,
      filters: { ...record.spec.filters },
      disclosure: { rule: DISCLOSURE_RULE, method: DISCLOSURE_METHOD, k: this.tables.k },
      measures: record.spec.measures.map((id) => ({ id, label: MEASURES[id].label })),
      dimensions: layout.dimensions.map((d, i) => ({
        id: d.id,
        column: d.column,
        label: d.label,
        ...(complete ? { codes: codeLists[i] } : {}),
      })),
    };
    return metadata;
  }
}

/** The tables of an export, in the order they are written. */
interface ExportPlan {
  regional: boolean;
  steps: { refArea?: string; scope: StatisticsScope; measure: MeasureId }[];
}

/**
 * A regional export is a table per country and measure, each protected on its own, so that
 * national tables consolidate side by side; other exports are a table per measure over the whole
 * scope.
 */
function exportPlan({ kind, spec, scope }: ExportRecord): ExportPlan {
  const regional = kind === 'regional';
  const slices: { refArea?: string; scope: StatisticsScope }[] = regional
    ? scope.countries.map((c) => ({ refArea: c, scope: { countries: [c], consulateIds: [] } }))
    : [{ scope }];
  return {
    regional,
    steps: slices.flatMap((slice) => spec.measures.map((measure) => ({ ...slice, measure }))),
  };
}

/** Keeps an export under a number of rows per second, when the deployment asks for it. */
class RowPace {
  private readonly started = Date.now();
  private written = 0;

  constructor(private readonly perSecond: number) {}

  async wait(): Promise<void> {
    if (this.perSecond <= 0) return;
    this.written++;
    const due = this.started + (this.written / this.perSecond) * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
  }
}

/**
 * Computes tables one step ahead of their consumer: taking table i starts table i + 1. At most two
 * tables are held at once. A table computed ahead and never taken (the export failed) is awaited
 * by settle(), so no query outlives the attempt and no rejection goes unobserved.
 */
class TablePipeline<T> {
  private readonly pending = new Map<number, Promise<T>>();

  constructor(
    private readonly count: number,
    private readonly compute: (index: number) => Promise<T>,
  ) {
    this.start(0);
  }

  take(index: number): Promise<T> {
    const table = this.pending.get(index) ?? this.compute(index);
    this.pending.delete(index);
    this.start(index + 1);
    return table;
  }

  async settle(): Promise<void> {
    await Promise.allSettled(this.pending.values());
    this.pending.clear();
  }

  private start(index: number): void {
    if (index >= this.count || this.pending.has(index)) return;
    const table = this.compute(index);
    table.catch(() => undefined); // observed when taken, or by settle()
    this.pending.set(index, table);
  }
}
