import { TestChild, freePort, startApiChild } from '../utils/child-processes';

// Generous: on a loaded 2-core machine a start (ts-node, PGlite, migrations) has taken 100 s.
const START_TIMEOUT_MS = 180_000;

/**
 * The real API (`startApiChild`) on the embedded PGlite: no
 * DATABASE_URL and no REDIS_URL, its data in `dataDir`. A child process, so that a restart is a
 * real restart of the database and SIGTERM reaches the real signal handler.
 */
export class EmbeddedApiProcess {
  private constructor(
    private readonly child: TestChild,
    readonly url: string,
    readonly startMs: number,
  ) {}

  static async start(
    dataDir: string,
    env: Record<string, string> = {},
  ): Promise<EmbeddedApiProcess> {
    const port = await freePort();
    const started = Date.now();
    const child = startApiChild(port, {
      LOG_LEVEL: 'warn',
      HTTP_HOST: '127.0.0.1',
      EMBEDDED_DATA_DIR: dataDir,
      ...env,
    });
    const api = new EmbeddedApiProcess(child, `http://127.0.0.1:${port}`, 0);
    await api.untilLive(started + START_TIMEOUT_MS);
    return Object.assign(api, { startMs: Date.now() - started });
  }

  get pid(): number {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.alive;
  }

  output(chars?: number): string {
    return this.child.output(chars);
  }

  /** Whether /health/live answers 200 within `timeoutMs`. */
  async live(timeoutMs = 1000): Promise<boolean> {
    try {
      const res = await fetch(`${this.url}/health/live`, {
        signal: AbortSignal.timeout(timeoutMs),
      });
      return res.status === 200;
    } catch {
      return false;
    }
  }

  /**
   * Sends `signal` and waits for the exit, at most `limitMs` (then SIGKILL): the exit code (-1 when
   * killed) and how long it took.
   */
  async stop(
    signal: NodeJS.Signals = 'SIGTERM',
    limitMs = 15_000,
  ): Promise<{ code: number | null; ms: number }> {
    const sent = Date.now();
    await this.child.stop(signal, limitMs);
    return { code: await this.child.exited, ms: Date.now() - sent };
  }

  private async untilLive(deadline: number): Promise<void> {
    while (!(await this.live())) {
      if (!this.child.alive || Date.now() > deadline) {
        await this.child.stop('SIGKILL');
        throw new Error(`The embedded API did not start:\n${this.child.output()}`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}
