// The worker in a process of its own, for the benchmarks that measure jobs (bench:export,
// bench:report): started as a deployment runs it, fed through BullMQ from the bench process, and
// known ready once it has handled a ping.
import { DEFAULT_JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads, bullConnection } from '@amparo/jobs';
import { Queue, QueueEvents } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '../..');

export type WorkerKind = 'compiled' | 'ts-node';
export const WORKER_ARGS: Record<WorkerKind, string[]> = {
  compiled: ['dist/apps/worker/apps/worker/src/main.js'],
  'ts-node': [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    './scripts/register-aliases.js',
    'apps/worker/src/main.ts',
  ],
};
/** The worker's command line as the reports print it. */
export const workerCommand = (kind: WorkerKind) =>
  `node ${WORKER_ARGS[kind].join(' ')}${kind === 'compiled' ? ' (npm run start:worker, built first)' : ''}`;

export class WorkerProcess {
  readonly exited: Promise<never>;
  private alive = true;

  private constructor(
    readonly child: ChildProcess,
    readonly logPath: string,
  ) {
    this.exited = new Promise<never>((_, reject) => {
      child.once('exit', (code, signal) => {
        this.alive = false;
        reject(new Error(`the worker exited (${signal ?? code}); its output: ${this.logTail()}`));
      });
    });
    this.exited.catch(() => undefined); // observed by whoever races it
  }

  /**
   * `compiled`: the build `npm run start:worker` runs (what a deployment runs); `ts-node`: the
   * sources through ts-node (transpile only) and the path aliases, as in development.
   */
  static start(kind: WorkerKind, env: Record<string, string>, logPath: string): WorkerProcess {
    const out = openSync(logPath, 'a');
    const { NODE_OPTIONS: _inherited, ...parentEnv } = process.env;
    const child = spawn(process.execPath, WORKER_ARGS[kind], {
      cwd: ROOT,
      env: { ...parentEnv, ...env },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    return new WorkerProcess(child, logPath);
  }

  get pid(): number {
    return this.child.pid!;
  }

  logTail(): string {
    try {
      return readFileSync(this.logPath, 'utf8').slice(-3000) || '(nothing)';
    } catch {
      return '(no log)';
    }
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exit = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exit;
    clearTimeout(timer);
  }
}

/** Producer side of every job queue under one prefix: adds a job and waits for its end. */
export class JobRunner {
  private constructor(
    private readonly queues: Map<string, Queue>,
    private readonly events: Map<string, QueueEvents>,
    private readonly timeoutMs: number,
  ) {}

  static async open(redisUrl: string, prefix: string, timeoutMs: number): Promise<JobRunner> {
    const queues = new Map<string, Queue>();
    const events = new Map<string, QueueEvents>();
    const runner = new JobRunner(queues, events, timeoutMs);
    try {
      for (const queueName of new Set(Object.values(JOB_QUEUE))) {
        queues.set(
          queueName,
          new Queue(queueName, {
            connection: bullConnection(redisUrl, 'producer'),
            prefix,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        );
        const queueEvents = new QueueEvents(queueName, {
          connection: bullConnection(redisUrl, 'worker'),
          prefix,
        });
        events.set(queueName, queueEvents);
        await queueEvents.waitUntilReady();
      }
      return runner;
    } catch (error) {
      await runner.close();
      throw error;
    }
  }

  /** Adds the job and waits until it completes (or fails, or the worker exits: both throw). */
  async run<N extends JobName>(
    worker: WorkerProcess,
    job: N,
    payload: JobPayloads[N],
    jobId: string,
  ): Promise<void> {
    const queueName = JOB_QUEUE[job];
    const added = await this.queues.get(queueName)!.add(job, payload, { jobId });
    await Promise.race([
      added.waitUntilFinished(this.events.get(queueName)!, this.timeoutMs),
      worker.exited,
    ]);
  }

  /**
   * Waits until the worker has handled a ping (it is then connected and running jobs), and checks
   * that it was this worker process, not another on the same database.
   */
  async ping(worker: WorkerProcess, client: Client): Promise<void> {
    const {
      rows: [ping],
    } = await client.query<{ id: string }>(
      'INSERT INTO system_pings DEFAULT VALUES RETURNING id::text',
    );
    await this.run(worker, JobName.SystemPing, { pingId: ping.id }, ping.id);
    const {
      rows: [handled],
    } = await client.query<{ by: string }>(
      'SELECT handled_by AS by FROM system_pings WHERE id = $1',
      [ping.id],
    );
    if (!handled.by.endsWith(`:${worker.pid}`))
      throw new Error(
        `the ping was handled by ${handled.by}, not the spawned worker ${worker.pid}`,
      );
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.queues.values(), ...this.events.values()].map((q) =>
        q.close().catch(() => undefined),
      ),
    );
  }
}
