import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls until `check` returns a value; an error thrown by `check` ends the wait at once. No
 * deadline of its own: how long work takes depends on the machine's load, so the running test's
 * jest timeout is the deadline (give slow tests a generous one). Polling stops when that test is
 * over, so a timed-out test leaves nothing polling behind it.
 */
export async function eventually<T>(check: () => Promise<T | undefined>): Promise<T> {
  const test = expect.getState().currentTestName;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (expect.getState().currentTestName !== test) throw new Error(`${test}: test ended`);
    await sleep(100);
  }
}
