import { turnsDuring } from './event-loop-turns.test-helper';
import { runAtOnce, runInSlices, Steps } from './stepwise';

/** `count` steps of about `stepMs` each (busy: a step of real work holds the thread). */
function* busySteps(count: number, stepMs: number): Steps<number> {
  for (let i = 0; i < count; i++) {
    const end = performance.now() + stepMs;
    while (performance.now() < end);
    yield;
  }
  return count;
}

describe('runAtOnce', () => {
  it('runs every step and returns the result', () => {
    expect(runAtOnce(busySteps(5, 0))).toBe(5);
  });
});

describe('runInSlices', () => {
  it('returns the result of the steps', async () => {
    await expect(runInSlices(busySteps(40, 0), 1)).resolves.toBe(40);
  });

  it('hands the event loop back between slices of long work', async () => {
    // 64 steps of 1 ms in slices of 4 ms: others get a turn every 4 or 5 steps.
    const { turns } = await turnsDuring(() => runInSlices(busySteps(64, 1), 4));
    expect(turns).toBeGreaterThanOrEqual(10);
  });

  it('does not pause work that fits in one slice', async () => {
    const { turns } = await turnsDuring(() => runInSlices(busySteps(20, 0), 1000));
    expect(turns).toBe(0);
  });
});
