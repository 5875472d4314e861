import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until `check` returns a value, or fails after `timeoutMs` with the last error. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await sleep(100);
  }
}
