import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** A computation cut into steps: each `yield` marks a point where it may pause. */
export type Steps<R> = Generator<void, R, undefined>;

/** Runs every step at once. */
export function runAtOnce<R>(steps: Steps<R>): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * Runs the steps in slices of about `sliceMs`, handing the event loop back between slices, so
 * that a long computation in a server process delays its other work by a slice at most, not by
 * the whole computation.
 */
export async function runInSlices<R>(steps: Steps<R>, sliceMs: number): Promise<R> {
  for (;;) {
    const sliceEnd = performance.now() + sliceMs;
    // A step can take milliseconds (a candidate cell of a large table), so the clock is read
    // after each; it costs well under a microsecond.
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (performance.now() >= sliceEnd) break;
    }
    await nextTurn();
  }
}
