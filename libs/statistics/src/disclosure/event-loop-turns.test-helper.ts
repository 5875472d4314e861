import { setImmediate as nextTurn } from 'node:timers/promises';

/** Runs `work` and counts the turns the event loop gave to others meanwhile. */
export async function turnsDuring<R>(
  work: () => Promise<R>,
): Promise<{ result: R; turns: number }> {
  let turns = 0;
  let running = true;
  const other = (async () => {
    while (running) {
      await nextTurn();
      turns++;
    }
  })();
  try {
    return { result: await work(), turns };
  } finally {
    running = false;
    await other;
  }
}
