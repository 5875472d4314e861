import { PGlite } from '@electric-sql/pglite';

/** The exit code of a process whose embedded database failed (EX_SOFTWARE). */
export const EMBEDDED_FAULT_EXIT_CODE = 70;

interface PGliteInternals {
  mod?: Record<string, unknown>;
  POSTGRES_MAIN_LONGJMP?: unknown;
}

/**
 * PGlite runs the backend one protocol step at a time and swallows every exception of a step but
 * its own longjmp: after a WebAssembly trap (a bad indirect call, an out-of-bounds access) the dead
 * backend reads no more input and the loop spins forever on the main thread, with no event loop
 * left for requests, health checks or SIGTERM (electric-sql/pglite#1058). This calls `onTrap` at
 * the first such exception instead; the backend is unusable from then on, so `onTrap` should end
 * the process. Does nothing on a PGlite build without that loop.
 */
export function onWasmTrap(db: PGlite, onTrap: (error: unknown) => void): void {
  const internals = db as unknown as PGliteInternals;
  const mod = internals.mod;
  const step = mod?._PostgresMainLoopOnce;
  if (!mod || typeof step !== 'function') return;
  mod._PostgresMainLoopOnce = function (this: unknown, ...args: unknown[]) {
    try {
      return step.apply(this, args);
    } catch (error) {
      if ((error as { status?: unknown } | null)?.status !== internals.POSTGRES_MAIN_LONGJMP)
        onTrap(error);
      throw error;
    }
  };
}

/** The production reaction: one line on stderr, the lock file released, and exit. */
export function exitOnTrap(releaseLock: () => void): (error: unknown) => never {
  return (error) => {
    // Synchronous on purpose: the event loop will not run again.
    process.stderr.write(
      `The embedded database (PGlite) failed and cannot go on: ${String(error)}. Exiting; start Amparo again (data committed so far is kept).\n`,
    );
    releaseLock();
    process.exit(EMBEDDED_FAULT_EXIT_CODE);
  };
}
