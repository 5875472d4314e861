import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
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
   * Resolves once the child has written something matching `pattern` (text or a regular
   * expression); fails if the child exits first, or after `timeoutMs` when given (otherwise the
   * test's timeout bounds the wait, however long a busy machine takes).
   */
  async waitForOutput(pattern: RegExp | string, timeoutMs?: number): Promise<void> {
    const matches = () =>
      typeof pattern === 'string' ? this.text.includes(pattern) : pattern.test(this.text);
    const streams = [this.child.stdout, this.child.stderr].filter((s) => s !== null);
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!matches()) return false;
        done();
        resolve();
        return true;
      };
      const fail = (why: string) => {
        done();
        reject(new Error(`${why} ${pattern}:\n${this.output()}`));
      };
      const onExit = () => fail('the child exited before writing');
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => fail(`no output within ${timeoutMs} ms matching`), timeoutMs);
      // After the constructor's listeners, so that the text is up to date when checked.
      const onData = () => void check();
      const done = () => {
        clearTimeout(timer);
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
 * The real API (apps/api/src/main.ts, compiled on the fly by ts-node) as a child process on `port`,
 * not waited for. Only the variables in `env` reach it, with NODE_ENV=test.
 */
export function startApiChild(port: number, env: Record<string, string>): TestChild {
  return new TestChild(
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
}

/**
 * The real API as a child process (`startApiChild`), resolved once it listens on `port`. Each
 * process signs its own tokens unless `env` gives the keys.
 */
export async function spawnApiProcess(
  port: number,
  env: Record<string, string>,
  startTimeoutMs = 60_000,
): Promise<TestChild> {
  const api = startApiChild(port, env);
  try {
    await api.waitForOutput(/listening on/, startTimeoutMs);
  } catch (error) {
    await api.stop('SIGKILL');
    throw error;
  }
  return api;
}

/** The uid and gid of an account (`id -u`/`id -g`). */
function accountIds(name: string): { uid: number; gid: number } {
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The newest PostgreSQL server binaries of the machine (Debian's layout), or those on PATH. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  return versions.length ? join(root, versions[versions.length - 1], 'bin') : '';
}

/**
 * A PostgreSQL server of the test's own (initdb, trust auth, fsync on) on a free port, which the
 * test can stop and start again on the same port and data to play a database restart without
 * touching the shared test server. PostgreSQL refuses to run as root: as root, the server runs as
 * the `postgres` account and its folder belongs to it.
 */
export class PrivatePostgres {
  private server?: TestChild;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
    private readonly ids: { uid: number; gid: number } | undefined,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const ids = process.getuid?.() === 0 ? accountIds('postgres') : undefined;
    const dir = await mkdtemp(join(tmpdir(), 'amparo-pg-'));
    if (ids) await chown(dir, ids.uid, ids.gid);
    const postgres = new PrivatePostgres(await freePort(), dir, postgresBin(), ids);
    try {
      await postgres.run('initdb', [
        ...['-D', postgres.dataDir, '-U', 'postgres', '-A', 'trust'],
        ...['-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions'],
      ]);
      await postgres.start();
    } catch (error) {
      await postgres.dispose();
      throw error;
    }
    return postgres;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** The URL of one database of this server. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server (again) and resolves once it accepts connections. */
  async start(): Promise<void> {
    if (this.server?.alive) return;
    this.server = new TestChild(
      spawn(
        join(this.bin, 'postgres'),
        [
          ...['-D', this.dataDir, '-p', String(this.port), '-k', this.dir],
          ...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'max_connections=60'],
        ],
        { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'], ...this.ids },
      ),
    );
    try {
      await this.server.waitForOutput('ready to accept connections', 30_000);
    } catch (error) {
      await this.server.stop('SIGKILL');
      throw error;
    }
  }

  /**
   * Stops the server as `pg_ctl stop -m fast` does (SIGINT): open transactions are rolled back,
   * clients are disconnected, and everything committed is on disk.
   */
  async stop(): Promise<void> {
    await this.server?.stop('SIGINT', 20_000);
  }

  /** Kills the server if it runs and removes its folder. */
  async dispose(): Promise<void> {
    await this.server?.stop('SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
  }

  private async run(program: string, args: string[]): Promise<void> {
    const child = new TestChild(
      spawn(join(this.bin, program), args, {
        cwd: this.dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        ...this.ids,
      }),
    );
    const code = await child.exited;
    if (code !== 0) throw new Error(`${program} exited with ${code}:\n${child.output()}`);
  }
}
