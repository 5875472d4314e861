import { readdir } from 'node:fs/promises';
import { eventually } from '../utils/eventually';
import { createConsulate, createUser, TEST_PASSWORD } from '../utils/identity';
import { accountCases, caseRows, printTable } from './case-accounting';
import { accountExports, exportJobsPending, recordExportCompletions } from './export-accounting';
import { FaultDeployment } from './fault-deployment';
import { LoadClient } from './load-client';

const PREFIX = 'amparo-faults';

/**
 * The deployment's exports: slow enough (20 rows/s, about 9 s an export; 8 of them keep both
 * workers busy) that the faults land while files are written, and a recovery sweep every second
 * for what Redis lost.
 */
const EXPORT_ENV = {
  JOBS_PREFIX: PREFIX,
  EXPORTS_MAX_ROWS_PER_SECOND: '20',
  EXPORTS_REQUEUE_AFTER_SECONDS: '3',
  EXPORTS_SWEEP_INTERVAL_SECONDS: '1',
  EXPORTS_DAILY_QUOTA: '100',
};

/**
 * Faults of a deployment that outgrew one process: two APIs and two workers sharing one
 * PostgreSQL and one Redis (this suite's own servers). Each scenario prints what the clients were
 * told against what the database holds, and fails on any loss or duplicate.
 */
describe('Fault suite: two APIs and two workers on one PostgreSQL and one Redis', () => {
  let deployment: FaultDeployment;
  let consulateId: string;

  beforeAll(async () => {
    const startedAt = Date.now();
    deployment = await FaultDeployment.start(EXPORT_ENV);
    process.stdout.write(
      `\nDeployment (PostgreSQL, Redis, 2 APIs, 2 workers) up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`,
    );
    consulateId = await createConsulate(deployment, 'MX', 'LAX');
  }, 420_000);

  afterAll(async () => {
    await deployment?.dispose();
  }, 60_000);

  const bases = () => deployment.apis.map((api) => api.base);

  /** A new user of the deployment, signed in on one API; its token must work on the other. */
  async function signedIn(grant: { role: string; consulateId?: string; countryCode?: string }) {
    const user = await createUser(deployment, [grant]);
    const [first, second] = bases();
    const login = await fetch(`${first}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = await fetch(`${second}/api/v1/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(me.status).toBe(200);
    return { userId: user.id, token: accessToken };
  }

  const caseBody = (token: string) => ({
    consulateId,
    primaryCategory: 'labour_rights',
    summary: `Unpaid wages at a packing plant (${token}).`,
    persons: [
      {
        role: 'primary',
        person: {
          givenNames: 'Ulises',
          familyNames: 'Canché',
          estimatedAge: 31,
          sex: 'male',
          nationalityCode: 'MX',
        },
      },
    ],
  });

  function load(tag: string, token: string): LoadClient {
    return new LoadClient(tag, {
      bases: bases(),
      token,
      body: caseBody,
      concurrency: 6,
      createDeadlineMs: 90_000,
    });
  }

  /** Counts what the clients sent and what the database holds for one scenario, and prints it. */
  async function accountAndPrint(tag: string, title: string, clients: LoadClient, userId: string) {
    const account = await accountCases(
      (sql, params) => deployment.query(sql, params),
      userId,
      tag,
      clients.outcomes,
    );
    printTable(title, caseRows(account));
    return account;
  }

  function expectNothingLostOrDuplicated(account: Awaited<ReturnType<typeof accountCases>>) {
    expect(account).toEqual(
      expect.objectContaining({
        acknowledged: account.sent,
        stored: account.sent,
        acknowledgedLost: 0,
        duplicateCases: 0,
        keysNotOneCase: 0,
        stuckKeys: 0,
        unacknowledged: 0,
      }),
    );
  }

  it('loses and duplicates no case when an API process is killed mid-load and restarted', async () => {
    const officer = await signedIn({ role: 'officer', consulateId });
    const clients = load('api-kill', officer.token);
    const [killed] = deployment.apis;
    clients.start();
    try {
      await clients.acknowledgedMore(30, 60_000);
      await killed.process!.stop('SIGKILL');
      await clients.acknowledgedMore(30, 60_000);
      await deployment.startApi(killed);
      await clients.acknowledgedMore(15, 60_000, killed.base); // the restarted API serves again
    } finally {
      await clients.stop();
    }

    const account = await accountAndPrint(
      'api-kill',
      'API SIGKILL mid-load, restarted',
      clients,
      officer.userId,
    );
    expect(account.answers['0']).toBeGreaterThan(0); // the kill cut requests in flight
    expectNothingLostOrDuplicated(account);
  }, 360_000);

  it('loses and duplicates no case when PostgreSQL restarts mid-load, and answers only 2xx or 503', async () => {
    const officer = await signedIn({ role: 'officer', consulateId });
    const clients = load('pg-restart', officer.token);
    clients.start();
    try {
      await clients.acknowledgedMore(30, 60_000);
      await deployment.postgres.stop();
      await clients.answered(503, 30_000); // the clients see the outage before it ends
      await deployment.postgres.start();
      await clients.acknowledgedMore(30, 90_000);
    } finally {
      await clients.stop();
    }

    const account = await accountAndPrint(
      'pg-restart',
      'PostgreSQL restarted mid-load',
      clients,
      officer.userId,
    );
    expect(Object.keys(account.answers).sort()).toEqual(['201', '503']);
    expectNothingLostOrDuplicated(account);
  }, 240_000);

  it('completes every export exactly once with one complete file when a worker is killed and Redis restarts', async () => {
    const analyst = await signedIn({ role: 'analyst', countryCode: 'MX' });
    await recordExportCompletions((sql, params) => deployment.query(sql, params));
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${bases()[i % 2]}/api/v1/exports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${analyst.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'statistics',
          measures: ['cases_opened', 'persons_assisted'],
          dimensions: ['category', 'sex'],
          period: 'year',
          from: `${new Date().getUTCFullYear()}-01-01`,
          to: `${new Date().getUTCFullYear()}-12-31`,
          format: 'json',
        }),
      });
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // The kill lands while the worker writes a file: a temporary file named with its pid is there
    // (`<id>.json.<attempt>-<pid>-<random>.partial`), and the other worker writes too.
    const victim = deployment.workers[0]!;
    const writers = async () =>
      new Set(
        (await readdir(deployment.exportsDir))
          .filter((n) => n.endsWith('.partial'))
          .map((n) => n.split('.')[2].split('-')[1]),
      );
    await eventually(async () => {
      const pids = await writers();
      return pids.has(String(victim.pid)) && pids.size >= 2 ? true : undefined;
    });
    await victim.stop('SIGKILL');
    await deployment.redis.stop();
    await deployment.redis.start();
    await deployment.startWorker(0); // as a supervisor would restart it

    // Every export finished, nothing left to run, no attempt still writing.
    let state = '';
    await eventually(async () => {
      const [{ open }] = await deployment.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM statistics_exports
          WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'running')`,
        [ids],
      );
      const jobs = await exportJobsPending(deployment.redis.url, PREFIX).catch(() => -1);
      const partial = (await readdir(deployment.exportsDir)).filter((n) => n.endsWith('.partial'));
      state = `${open} exports unfinished, ${jobs} export jobs in Redis, ${partial.length} partial files`;
      return open === 0 && jobs === 0 && partial.length === 0 ? true : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}: ${state}`);
    });

    const account = await accountExports(
      (sql, params) => deployment.query(sql, params),
      deployment.exportsDir,
      ids,
    );
    printTable('Worker SIGKILL and Redis restart during exports', [
      ['exports requested', account.requested],
      ['completed', account.completed],
      ['failed', account.failed],
      ['not completed exactly once', account.notCompletedOnce],
      ['not exactly one file', account.notOneFile],
      ['files not matching their export', account.badFiles],
      ['partial files left', account.partialFilesLeft],
      ['attempts in all', account.attempts],
    ]);
    expect(account).toEqual(
      expect.objectContaining({
        completed: ids.length,
        failed: 0,
        notCompletedOnce: 0,
        notOneFile: 0,
        badFiles: 0,
        partialFilesLeft: 0,
      }),
    );
  }, 300_000);
});
