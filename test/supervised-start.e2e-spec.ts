import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TestChild } from './utils/child-processes';

/**
 * `npm start` runs the API under scripts/supervise.js. On the embedded default a statement stuck
 * in PGlite blocks the API's event loop, and its own SIGTERM handler with it: the supervisor must
 * still stop it within the grace period. Played here by a child that blocks its loop for good.
 */
describe('The supervised start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-supervise-'));
  const stuck = join(dir, 'stuck.js');
  const polite = join(dir, 'polite.js');
  writeFileSync(
    stuck,
    // Pipes are written synchronously on Linux: "ready" is out before the loop blocks.
    `process.on('SIGTERM', () => process.exit(0));
     setTimeout(() => { console.log('ready'); for (;;) {} }, 10);`,
  );
  writeFileSync(
    polite,
    `process.on('SIGTERM', () => { console.log('closing'); setTimeout(() => process.exit(0), 50); });
     console.log('ready');
     setInterval(() => undefined, 1000);`,
  );

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const start = (script: string, graceMs: number) =>
    new TestChild(
      spawn(process.execPath, [resolve(__dirname, '../scripts/supervise.js'), script], {
        env: { PATH: process.env.PATH, SHUTDOWN_GRACE_MS: String(graceMs) },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );

  it('stops a child whose event loop is stuck within the grace period of a SIGTERM', async () => {
    const supervised = start(stuck, 1500);
    await supervised.waitForOutput('ready');
    const sentAt = Date.now();
    supervised.child.kill('SIGTERM');
    const code = await supervised.exited;
    expect(Date.now() - sentAt).toBeLessThan(1500 + 1000);
    expect(code).toBe(137);
    expect(supervised.output()).toContain('did not stop within 1500 ms of SIGTERM');
  });

  it('lets a child that shuts down by itself do so, with its own exit status', async () => {
    const supervised = start(polite, 5000);
    await supervised.waitForOutput('ready');
    supervised.child.kill('SIGTERM');
    expect(await supervised.exited).toBe(0);
    expect(supervised.output()).toContain('closing');
    expect(supervised.output()).not.toContain('did not stop');
  });
});
