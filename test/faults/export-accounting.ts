import { JobName, QueueName } from '@amparo/jobs';
import { validateStatisticsExport } from '@amparo/statistics';
import { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * Records every time an export becomes completed, or a completed export gets another file: the
 * suite's own instrumentation in its own database, so "completed exactly once" is counted, not
 * assumed.
 */
export async function recordExportCompletions(query: Query): Promise<void> {
  await query(`
    CREATE TABLE fault_export_completions (
      export_id uuid NOT NULL, sha256 text, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  await query(`
    CREATE FUNCTION fault_record_export_completion() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'completed'
         AND (OLD.status <> 'completed' OR OLD.sha256 IS DISTINCT FROM NEW.sha256) THEN
        INSERT INTO fault_export_completions (export_id, sha256) VALUES (NEW.id, NEW.sha256);
      END IF;
      RETURN NEW;
    END $$`);
  await query(`
    CREATE TRIGGER fault_export_completions AFTER UPDATE ON statistics_exports
      FOR EACH ROW EXECUTE FUNCTION fault_record_export_completion()`);
}

/**
 * Export jobs BullMQ is running or about to run (the hourly cleanup, always delayed on the same
 * queue, is not one).
 */
export async function exportJobsPending(redisUrl: string, prefix: string): Promise<number> {
  const queue = new Queue(QueueName.Exports, {
    connection: { url: redisUrl, maxRetriesPerRequest: 1 },
    prefix,
  });
  try {
    const jobs = await queue.getJobs(['active', 'waiting', 'prioritized']);
    return jobs.filter((job) => job?.name === JobName.StatisticsExport).length;
  } finally {
    await queue.close();
  }
}

export interface ExportAccount {
  requested: number;
  completed: number;
  failed: number;
  /** Exports that became completed (or got a new file once completed) other than exactly once. */
  notCompletedOnce: number;
  /** Exports whose folder entries are not exactly one file named after the export. */
  notOneFile: number;
  /** Files whose digest, size of rows or schema do not match what the export row says. */
  badFiles: number;
  partialFilesLeft: number;
  attempts: number;
}

/** Checks every export's row, its completions and its file in the shared exports folder. */
export async function accountExports(
  query: Query,
  exportsDir: string,
  ids: readonly string[],
): Promise<ExportAccount> {
  const rows = await query<{
    id: string;
    status: string;
    sha256: string | null;
    rowCount: number | null;
    attempts: number;
  }>(
    `SELECT id, status, sha256, row_count AS "rowCount", attempts
       FROM statistics_exports WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const completions = await query<{ id: string; n: number }>(
    `SELECT export_id AS id, count(*)::int AS n FROM fault_export_completions
      WHERE export_id = ANY($1::uuid[]) GROUP BY export_id`,
    [ids],
  );
  const names = await readdir(exportsDir);
  let badFiles = 0;
  for (const row of rows.filter((r) => r.status === 'completed')) {
    const bytes = await readFile(join(exportsDir, `${row.id}.json`)).catch(() => null);
    if (!bytes) continue; // counted in notOneFile
    const document = JSON.parse(bytes.toString('utf8')) as { rows?: unknown[] };
    const sha = createHash('sha256').update(bytes).digest('hex');
    const valid = validateStatisticsExport(document).valid;
    if (sha !== row.sha256 || !valid || document.rows?.length !== row.rowCount) badFiles++;
  }
  return {
    requested: ids.length,
    completed: rows.filter((r) => r.status === 'completed').length,
    failed: rows.filter((r) => r.status === 'failed').length,
    notCompletedOnce: ids.filter((id) => completions.find((c) => c.id === id)?.n !== 1).length,
    notOneFile: ids.filter((id) => {
      const entries = names.filter((n) => n.startsWith(`${id}.`));
      return entries.length !== 1 || entries[0] !== `${id}.json`;
    }).length,
    badFiles,
    partialFilesLeft: names.filter((n) => n.endsWith('.partial')).length,
    attempts: rows.reduce((sum, r) => sum + r.attempts, 0),
  };
}
