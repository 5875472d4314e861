import { externalDataSourceOptions } from '@amparo/database';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  PrivatePostgres,
  PrivateRedis,
  TestChild,
  freePort,
  spawnApiProcess,
  spawnWorkerProcess,
} from '../utils/child-processes';

/** ts-node compiles each process's sources at start: slow on a busy two-core machine. */
const START_TIMEOUT_MS = 180_000;

/** One API process of the deployment: it keeps its port across a restart. */
export interface ApiSlot {
  readonly port: number;
  readonly base: string;
  process?: TestChild;
}

/**
 * A deployment that outgrew one process: two API processes and two workers sharing one
 * PostgreSQL and one Redis, all of this suite's own (other ports than the ones other tests use),
 * with the same token keys everywhere so that a token signed by one API works on the other.
 */
export class FaultDeployment {
  readonly apis: ApiSlot[] = [];
  readonly workers: (TestChild | undefined)[] = [];
  /** Every process started, restarted ones included, for their logs. */
  private readonly started: { name: string; child: TestChild }[] = [];
  private pool?: Pool;

  private constructor(
    readonly postgres: PrivatePostgres,
    readonly redis: PrivateRedis,
    readonly exportsDir: string,
    private readonly env: Record<string, string>,
  ) {}

  static async start(extraEnv: Record<string, string> = {}): Promise<FaultDeployment> {
    const [postgres, redis, exportsDir] = await Promise.all([
      PrivatePostgres.start(),
      PrivateRedis.start(),
      mkdtemp(join(tmpdir(), 'amparo-fault-exports-')),
    ]);
    const databaseUrl = postgres.url('amparo');
    const keys = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const deployment = new FaultDeployment(postgres, redis, exportsDir, {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: redis.url,
      JOBS_PREFIX: 'amparo-faults',
      EXPORTS_DIR: exportsDir,
      AUTH_JWT_PRIVATE_KEY: keys.privateKey,
      AUTH_JWT_PUBLIC_KEY: keys.publicKey,
      AUTH_MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ...extraEnv,
    });
    try {
      await migrate(postgres);
      deployment.pool = new Pool({ connectionString: databaseUrl, max: 2 });
      // Idle connections of the pool die with a restarted server: that is no failure of the test.
      deployment.pool.on('error', () => undefined);
      for (let i = 0; i < 2; i++) deployment.apis.push(await deployment.newApiSlot());
      // Starting all four at once on two cores is slower than two at a time.
      await Promise.all(deployment.apis.map((api) => deployment.startApi(api)));
      await Promise.all([0, 1].map((i) => deployment.startWorker(i)));
    } catch (error) {
      await deployment.dispose();
      throw error;
    }
    return deployment;
  }

  /** A query on the deployment's database, as an operator would run it. */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool!.query(sql, params)).rows as T[];
  }

  private async newApiSlot(): Promise<ApiSlot> {
    const port = await freePort();
    return { port, base: `http://127.0.0.1:${port}` };
  }

  async startApi(api: ApiSlot): Promise<void> {
    api.process = await spawnApiProcess(api.port, this.env, START_TIMEOUT_MS);
    this.started.push({ name: `api-${api.port}`, child: api.process });
  }

  /** Starts worker `i` and resolves once it processes queues. */
  async startWorker(i: number): Promise<void> {
    const worker = spawnWorkerProcess({ ...this.env, LOG_LEVEL: 'info' });
    this.workers[i] = worker;
    this.started.push({ name: `worker-${i}`, child: worker });
    await worker.waitForOutput('processing queues', START_TIMEOUT_MS);
  }

  /** Stops every process (kills what does not stop), then the servers, and removes the files. */
  async dispose(): Promise<void> {
    const steps = [
      () => this.keepLogs(),
      ...this.apis.map((api) => () => api.process?.stop('SIGKILL')),
      ...this.workers.map((worker) => () => worker?.stop('SIGKILL')),
      () => this.pool?.end(),
      () => this.redis.dispose(),
      () => this.postgres.dispose(),
      () => rm(this.exportsDir, { recursive: true, force: true }),
    ];
    const errors: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((e: unknown) => errors.push(e));
    if (errors.length) throw errors[0];
  }

  /** With FAULTS_LOG_DIR set, writes the output of every process there (one file each). */
  private async keepLogs(): Promise<void> {
    const dir = process.env.FAULTS_LOG_DIR;
    if (!dir) return;
    await mkdir(dir, { recursive: true });
    for (const [i, { name, child }] of this.started.entries())
      await writeFile(join(dir, `${i}-${name}.log`), child.output(Number.MAX_SAFE_INTEGER));
  }
}

/** Creates the database and applies the project's migrations, as the e2e global setup does. */
async function migrate(postgres: PrivatePostgres): Promise<void> {
  const admin = new Client({ connectionString: postgres.url() });
  await admin.connect();
  try {
    await admin.query('CREATE DATABASE amparo');
  } finally {
    await admin.end();
  }
  const dataSource = new DataSource({
    ...externalDataSourceOptions(postgres.url('amparo'), 1),
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
