/**
 * `npm run test:soak`: the long soak of the embedded default. Thousands of requests of every shape
 * against the real API on PGlite, with real restarts between phases and a 5 s watchdog per
 * request; prints the requests, p50/p99 and the slowest request. Exit 1 on a stuck request, an
 * unexpected answer or an unclean SIGTERM.
 *
 *   npm run test:soak -- --requests 5000 --phases 5 --concurrency 8 --seed 42
 */
import { parseArgs } from 'node:util';
import { runEmbeddedSoak } from '../test/soak/embedded-soak';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '5000' },
      phases: { type: 'string', default: '5' },
      concurrency: { type: 'string', default: '8' },
      seed: { type: 'string', default: String(Date.now() % 100000) },
      'limit-ms': { type: 'string', default: '5000' },
    },
  });
  const options = {
    requests: Number(values.requests),
    phases: Number(values.phases),
    concurrency: Number(values.concurrency),
    seed: Number(values.seed),
    limitMs: Number(values['limit-ms']),
  };
  console.log(`Embedded soak: ${JSON.stringify(options)}`);
  const started = Date.now();
  const result = await runEmbeddedSoak({ ...options, log: (line) => console.log(line) });
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`requests: ${result.requests} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`p50: ${ms(result.p50)}, p99: ${ms(result.p99)}`);
  if (result.slowest)
    console.log(
      `slowest: ${result.slowest.label} (${result.slowest.status}) ${ms(result.slowest.ms)}`,
    );
  console.log(
    `starts: ${result.startsMs.join(', ')} ms; SIGTERM to exit: ${result.stopsMs.join(', ')} ms`,
  );
  if (result.unexpected.length) {
    console.error(`unexpected answers (${result.unexpected.length}):`);
    for (const line of result.unexpected.slice(0, 20)) console.error(`  ${line}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
