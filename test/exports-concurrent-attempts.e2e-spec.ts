import { INestApplicationContext } from '@nestjs/common';
import { StatisticsTable, StatisticsTables, validateStatisticsExport } from '@amparo/statistics';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { StatisticsExportHandler } from '../libs/statistics/src/exports/statistics-export.handler';
import { eventually } from './utils/eventually';
import { createConsulate, createUser } from './utils/identity';
import { insertCases, times } from './utils/statistics-fixtures';
import { TestStack, createTestStack, createTestWorker } from './utils/test-app';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A promise the test resolves when it chooses: where an attempt waits. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * Two attempts of one export at once: what happens when Redis loses its data (the sweep queues
 * the export again while a worker still runs it) or a job lock lapses (BullMQ gives the job to a
 * second worker). Whatever the interleaving, exactly one file is published, the stored digest is
 * that file's, no temporary file is left, and the attempt that lost is not an error. The real
 * handler runs twice in this process; the worker app is not started, so no queue interferes.
 */
describe('Exports: two attempts of one export running at once', () => {
  let stack: TestStack;
  let worker: INestApplicationContext;
  let handler: StatisticsExportHandler;
  let tables: StatisticsTables;
  let exportsDir: string;
  let requesterId: string;

  beforeAll(async () => {
    exportsDir = await mkdtemp(join(tmpdir(), 'amparo-exports-race-'));
    stack = await createTestStack({ EXPORTS_DIR: exportsDir });
    worker = await createTestWorker(stack.config);
    handler = worker.get(StatisticsExportHandler);
    tables = worker.get(StatisticsTables);
    const mx = await createConsulate(stack, 'MX', 'LAX');
    const officer = await createUser(stack, [{ role: 'officer', consulateId: mx }]);
    requesterId = (await createUser(stack, [{ role: 'supervisor', countryCode: 'MX' }])).id;
    const at = { consulateId: mx, country: 'MX', openedAt: '2025-02-01T00:00:00Z' };
    await insertCases(stack, officer.id, [
      ...times(9, { ...at, category: 'trafficking', sex: 'female' }),
      ...times(6, { ...at, category: 'health', sex: 'male' }),
    ]);
  }, 60_000);

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await worker?.close();
    await stack?.teardown();
    await rm(exportsDir, { recursive: true, force: true });
  });

  /** A queued export, as the API writes it (the queue is not involved here). */
  async function queuedExport(): Promise<string> {
    const spec = {
      measures: ['cases_opened'],
      dimensions: ['category'],
      period: 'year',
      from: '2025-01-01',
      to: '2025-12-31',
      filters: {},
    };
    const [{ id }] = await stack.query<{ id: string }>(
      `INSERT INTO statistics_exports (requested_by, kind, format, language, request, scope)
       VALUES ($1, 'statistics', 'json', 'en', $2, $3) RETURNING id`,
      [requesterId, JSON.stringify(spec), JSON.stringify({ countries: ['MX'], consulateIds: [] })],
    );
    return id;
  }

  /** The first table query waits for `held`; every other one runs as usual. */
  function holdFirstTable(held: Promise<void>): void {
    const real = tables.table.bind(tables);
    let calls = 0;
    jest.spyOn(tables, 'table').mockImplementation(async (...args): Promise<StatisticsTable> => {
      if (++calls === 1) await held;
      return real(...args);
    });
  }

  const filesOf = async (id: string) =>
    (await readdir(exportsDir)).filter((n) => n.startsWith(`${id}.`)).sort();
  const partialFilesOf = async (id: string) =>
    (await filesOf(id)).filter((n) => n.endsWith('.partial'));
  const run = (exportId: string, attempt: number) =>
    handler.handle({ exportId }, { jobId: exportId, attempt });

  /** Sessions of the test database waiting for a row lock. */
  async function lockWaiters(): Promise<number> {
    const [{ n }] = await stack.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return n;
  }

  /** One file, its digest stored, no temporary file, a valid document. */
  async function expectOnePublishedFile(id: string): Promise<void> {
    expect(await filesOf(id)).toEqual([`${id}.json`]);
    const bytes = await readFile(join(exportsDir, `${id}.json`));
    const [stored] = await stack.query<{ status: string; sha256: string; byte_size: string }>(
      'SELECT status, sha256, byte_size FROM statistics_exports WHERE id = $1',
      [id],
    );
    expect(stored.status).toBe('completed');
    expect(stored.sha256).toBe(sha256(bytes));
    expect(Number(stored.byte_size)).toBe(bytes.length);
    expect(validateStatisticsExport(JSON.parse(bytes.toString('utf8')))).toEqual({ valid: true });
  }

  it('keeps the later attempt when the earlier one finishes writing while the later one starts', async () => {
    const id = await queuedExport();
    const first = gate();
    holdFirstTable(first.opened);
    // The first attempt has started and opened its temporary file; it waits for its table.
    const earlier = run(id, 1);
    await eventually(async () => ((await partialFilesOf(id)).length === 1 ? true : undefined));

    // The test holds the row: the second attempt's start waits for it...
    const db = new Client({ connectionString: stack.database.url });
    await db.connect();
    let later: Promise<void> | undefined;
    try {
      await db.query('BEGIN');
      await db.query('SELECT 1 FROM statistics_exports WHERE id = $1 FOR UPDATE', [id]);
      later = run(id, 1);
      await eventually(async () => ((await lockWaiters()) === 1 ? true : undefined));
      // ...and the first attempt writes its whole file, then waits for the row too.
      first.open();
      await eventually(async () => ((await lockWaiters()) === 2 ? true : undefined));
    } finally {
      await db.query('COMMIT').finally(() => db.end());
    }

    // Neither attempt is an error: one publishes, the other is superseded and ends quietly.
    const outcomes = await Promise.allSettled([earlier, later]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    await expectOnePublishedFile(id);
    const [{ attempts }] = await stack.query<{ attempts: number }>(
      'SELECT attempts FROM statistics_exports WHERE id = $1',
      [id],
    );
    expect(attempts).toBe(2);
  });

  it('lets the earlier attempt end quietly when a later one published while it was writing', async () => {
    const id = await queuedExport();
    const first = gate();
    holdFirstTable(first.opened);
    const earlier = run(id, 1);
    await eventually(async () => ((await partialFilesOf(id)).length === 1 ? true : undefined));

    // A second delivery of the job runs to the end while the first is mid-file.
    await run(id, 1);
    first.open();

    await expect(earlier).resolves.toBeUndefined();
    await expectOnePublishedFile(id);
  });

  it('does nothing for an export another attempt has completed', async () => {
    const id = await queuedExport();
    await run(id, 1);
    const before = await readFile(join(exportsDir, `${id}.json`));
    await run(id, 2);
    expect(await readFile(join(exportsDir, `${id}.json`))).toEqual(before);
    await expectOnePublishedFile(id);
  });
});
