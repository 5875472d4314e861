import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Every child still running: killed when the test process exits, however it exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const ROOT = resolve(__dirname, '../..');

/** A child process of the test, its output kept for failure messages. */
export class TestChild {
  private text = '';
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    running.add(child);
    child.stdout?.on('data', (chunk: Buffer) => (this.text += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.text += chunk.toString('utf8')));
    this.exited = new Promise((done) => {
      child.once('exit', (code, signal) => {
        running.delete(child);
        done(code ?? (signal ? -1 : null));
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Resolves once the child has written something matching `pattern` (however long that takes on
   * a busy machine: the test's timeout bounds it); fails if the child exits first.
   */
  async waitForOutput(pattern: RegExp): Promise<void> {
    const streams = [this.child.stdout, this.child.stderr].filter((s) => s !== null);
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(this.text)) return false;
        done();
        resolve();
        return true;
      };
      const onExit = () => {
        done();
        reject(new Error(`the child exited before writing ${pattern}:\n${this.output()}`));
      };
      // After the constructor's listeners, so that the text is up to date when checked.
      const onData = () => void check();
      const done = () => {
        for (const stream of streams) stream.off('data', onData);
        this.child.off('exit', onExit);
      };
      for (const stream of streams) stream.on('data', onData);
      this.child.once('exit', onExit);
      if (!check() && !this.alive) onExit();
    });
  }

  /** The last `chars` characters the child wrote. */
  output(chars = 4000): string {
    return this.text.slice(-chars);
  }

  /** Sends `signal` and waits until the child is gone (SIGKILL after `graceMs`). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
    if (!this.alive) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (!address || typeof address === 'string') throw new Error('No port');
  return address.port;
}

/**
 * A redis-server of the test's own (no persistence) on a free port, which the test can stop and
 * start again on the same port to play a Redis outage without touching the shared test Redis.
 */
export class PrivateRedis {
  private server?: TestChild;
  private startedAt = 0;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const dir = await mkdtemp(join(tmpdir(), 'amparo-redis-'));
    const redis = new PrivateRedis(await freePort(), dir);
    try {
      await redis.start();
    } catch (error) {
      await redis.dispose();
      throw error;
    }
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) and resolves once it accepts connections. */
  async start(): Promise<void> {
    if (this.server?.alive) return;
    const server = new TestChild(
      spawn(
        'redis-server',
        [
          ...['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir],
          ...['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'notice'],
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      ),
    );
    this.server = server;
    await server.waitForOutput(/Ready to accept connections/).catch(async (error: Error) => {
      await server.stop('SIGKILL');
      throw new Error(`redis-server did not start on ${this.port}: ${error.message}`);
    });
    this.startedAt = Date.now();
  }

  /**
   * Starts the server if it is down and gives clients time to reconnect (BullMQ retries about
   * every second after a short outage). Close BullMQ workers only after this: a worker closed
   * while its blocking connection waits to reconnect never finishes closing (taskforcesh/bullmq#4656).
   */
  async settle(ms = 3000): Promise<void> {
    await this.start();
    const wait = this.startedAt + ms - Date.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
  }

  /** Stops the server as an outage would (SIGTERM: it exits without saving anything). */
  async stop(): Promise<void> {
    await this.server?.stop('SIGTERM');
  }

  /** Kills the server if it runs and removes its folder. */
  async dispose(): Promise<void> {
    await this.server?.stop('SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * The real worker app (apps/worker/src/main.ts) as a child process, compiled on the fly by ts-node
 * (transpile only, through swc: ~3 s to start on an idle machine, a quarter less than through
 * TypeScript's compiler on a loaded one). Only the variables in `env` reach it, with NODE_ENV=test.
 */
export function spawnWorkerProcess(env: Record<string, string>): TestChild {
  return new TestChild(
    spawn(
      process.execPath,
      [
        ...['-r', 'ts-node/register/transpile-only', '-r', './scripts/register-aliases.js'],
        'apps/worker/src/main.ts',
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TS_NODE_TRANSPILE_ONLY: 'true',
          TS_NODE_SWC: 'true',
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
}

/**
 * The real API (apps/api/src/main.ts) as a child process, like the worker above, resolved once it
 * listens on `port`. Each process signs its own tokens unless `env` gives the keys.
 */
export async function spawnApiProcess(
  port: number,
  env: Record<string, string>,
): Promise<TestChild> {
  const api = new TestChild(
    spawn(
      process.execPath,
      [
        ...['-r', 'ts-node/register/transpile-only', '-r', './scripts/register-aliases.js'],
        'apps/api/src/main.ts',
      ],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          TS_NODE_TRANSPILE_ONLY: 'true',
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          HTTP_PORT: String(port),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
  try {
    await api.waitForOutput(/listening on/);
  } catch (error) {
    await api.stop('SIGKILL');
    throw error;
  }
  return api;
}
