import { PGlite } from '@electric-sql/pglite';
import { EMBEDDED_FAULT_EXIT_CODE, onWasmTrap } from '@amparo/database/embedded-postgres-trap';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { TestChild } from './utils/child-processes';

type Internals = { mod: Record<string, (...args: unknown[]) => unknown> };
// The lib settings declare no WebAssembly global; the error class a trap throws is this one.
const { RuntimeError } = (
  globalThis as unknown as { WebAssembly: { RuntimeError: ErrorConstructor } }
).WebAssembly;

/** Makes PGlite's next backend steps throw a WebAssembly trap (`times` of them; Infinity: for good). */
function trapNextSteps(db: PGlite, times: number): void {
  const mod = (db as unknown as Internals).mod;
  const step = mod._PostgresMainLoopOnce;
  let left = times;
  mod._PostgresMainLoopOnce = function (this: unknown, ...args: unknown[]) {
    if (left-- > 0) throw new RuntimeError('null function or function signature mismatch');
    return step.apply(this, args);
  };
}

// A WebAssembly trap in PGlite's backend used to leave its protocol loop spinning on the main
// thread for ever (no requests, no health, no SIGTERM). It is now reported, and the process ends.
describe('Embedded PGlite: a WebAssembly trap of the backend', () => {
  it('is reported to the handler with the trap, not swallowed', async () => {
    const db = new PGlite('memory://');
    await db.waitReady;
    try {
      trapNextSteps(db, 1);
      const traps: unknown[] = [];
      onWasmTrap(db, (error) => traps.push(error));
      await db.query('SELECT 1').catch(() => undefined);
      expect(traps).toHaveLength(1);
      expect(traps[0]).toBeInstanceOf(RuntimeError);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('ends the process with a clear line instead of spinning when the backend stays dead', async () => {
    const script = `
      const { PGlite } = require('@electric-sql/pglite');
      const { onWasmTrap, exitOnTrap } = require('./libs/database/src/embedded-postgres-trap');
      (async () => {
        const db = new PGlite('memory://');
        await db.waitReady;
        const mod = db.mod;
        mod._PostgresMainLoopOnce = () => { throw new WebAssembly.RuntimeError('unreachable'); };
        onWasmTrap(db, exitOnTrap(() => process.stderr.write('lock released\\n')));
        await db.query('SELECT 1');
        process.stderr.write('query returned\\n');
      })();`;
    const child = new TestChild(
      spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        cwd: resolve(__dirname, '..'),
        env: { PATH: process.env.PATH, HOME: process.env.HOME, TS_NODE_TRANSPILE_ONLY: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    // Without the handler this child spins at 100 % CPU until killed.
    const killer = setTimeout(() => child.child.kill('SIGKILL'), 30_000);
    try {
      expect(await child.exited).toBe(EMBEDDED_FAULT_EXIT_CODE);
    } finally {
      clearTimeout(killer);
    }
    expect(child.output()).toMatch(
      /The embedded database \(PGlite\) failed and cannot go on: RuntimeError: unreachable/,
    );
    expect(child.output()).toMatch(/lock released/);
    expect(child.output()).not.toMatch(/query returned/);
  }, 60_000);
});
