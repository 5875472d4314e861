import { runEmbeddedSoak } from './soak/embedded-soak';

// The embedded default under ordinary use, the short form (`npm run test:soak` is the long one):
// the real API as a child process on PGlite, a few hundred requests of every shape, a restart in
// between, and a watchdog that fails the test on any request slower than 5 s.
describe('Embedded default under load (PGlite soak)', () => {
  it('answers every request within 5 s, across a restart, and stops cleanly on SIGTERM', async () => {
    const seed = Math.floor(Math.random() * 100000);
    const result = await runEmbeddedSoak({
      requests: 300,
      phases: 2,
      concurrency: 8,
      seed,
      limitMs: 5000,
    });
    expect({ seed, unexpected: result.unexpected }).toEqual({ seed, unexpected: [] });
    expect(result.requests).toBeGreaterThanOrEqual(300);
    expect(result.slowest!.ms).toBeLessThan(5000);
  }, 600_000);
});
