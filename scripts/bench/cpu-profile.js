// Preloaded into the API's own process by npm run bench:cases --profile (NODE_OPTIONS=-r), never by
// the product: V8's sampling CPU profiler, switched by the orchestrator with SIGWINCH (a signal
// nothing else here uses: SIGUSR1 opens the inspector, SIGUSR2 is count-queries.js's). The first
// signal starts a profile; the next stops it and writes it, as Chrome DevTools reads it, to
// `<BENCH_CPU_PROFILE_DIR>/<n>.cpuprofile` through a rename (the reader never sees half a file), n
// counting the profiles written. The orchestrator names them after their phase.
'use strict';
const { Session } = require('node:inspector');
const { renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  let running = false;
  let written = 0;
  // 200 µs between samples: a request here costs a few ms, and V8's default (1 ms) misses too much.
  void post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 200 }));
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      void post('Profiler.start');
      return;
    }
    running = false;
    void post('Profiler.stop').then(({ profile }) => {
      const file = join(dir, `${++written}.cpuprofile`);
      writeFileSync(`${file}.tmp`, JSON.stringify(profile));
      renameSync(`${file}.tmp`, file);
    });
  });
}
