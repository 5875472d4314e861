// npm run bench:web [-- --cases N --path P --ready SELECTOR --runs R]: the web application at scale,
// in Chromium. Seeds synthetic cases (as bench:cases does) into a fresh database of the local test
// server, starts the built API in a process of its own serving the built app, then measures in
// Debian's Chromium the time from pressing "Iniciar sesión" to the target screen shown (median of
// the runs, each a fresh browser profile), and prints the JavaScript the first load fetches (raw and
// gzip). Until the work queue exists, the target is the account page: --path and --ready (a
// Playwright selector) name another screen. Prints figures; not a test. The database and the
// queue keys are removed at the end, on failure and on Ctrl-C.
import 'reflect-metadata';
import {
  TEST_REDIS_URL,
  createDatabase,
  databaseUrl,
  deleteQueueKeys,
  dropDatabase,
  uniqueName,
  uniqueQueuePrefix,
} from '@amparo/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Browser, chromium } from 'playwright-core';
import { PASSWORD, seedCases, seedDirectory } from './bench/seed-cases';
import { buildIfStale, builds } from './builds';

const CHROMIUM = process.env.TEST_CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '..');
const log = (line: string) => console.error(line);

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** The built API in its own process, like production: the bench's own work does not slow it. */
async function startApi(env: Record<string, string>, base: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [builds.api.output], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/health/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error('the API was not ready within 60 s');
}

interface Script {
  url: string;
  raw: number;
  gzip: number;
}

/** One sign-in in a fresh profile: ms from the button press to `ready`, and the scripts loaded. */
async function signInOnce(
  browser: Browser,
  base: string,
  options: { path: string; ready: string; email: string },
): Promise<{ ms: number; scripts: Script[] }> {
  const context = await browser.newContext({
    locale: 'es-MX',
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = await context.newPage();
    const loaded: Promise<Script>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      loaded.push(
        response.body().then((body) => ({
          url: new URL(response.url()).pathname,
          raw: body.length,
          gzip: gzipSync(body).length,
        })),
      );
    });
    await page.goto(`${base}${options.path}`);
    await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(options.email);
    await page.getByLabel('Contraseña').fill(PASSWORD);
    const scripts = await Promise.all(loaded);
    const submit = page.getByRole('button', { name: 'Iniciar sesión' });
    await submit.waitFor();
    const started = performance.now();
    await submit.click();
    await page.locator(options.ready).first().waitFor({ timeout: 60_000 });
    return { ms: performance.now() - started, scripts };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      path: { type: 'string', default: '/' },
      ready: { type: 'string', default: 'role=heading[name="Su cuenta"]' },
      runs: { type: 'string', default: '5' },
    },
  });
  const total = Number(args.cases);
  const runs = Number(args.runs);
  if (!Number.isInteger(total) || total < 1000)
    throw new Error('--cases must be a whole number ≥ 1000');
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be 1 to 50');
  if (!args.path.startsWith('/')) throw new Error('--path must start with /');
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium`);
  for (const build of [builds.api, builds.web])
    if (buildIfStale(build, log) !== 0) throw new Error(`building ${build.name} failed`);

  const name = uniqueName('amparo_test'); // a crashed run's database is dropped by the next e2e setup
  const prefix = uniqueQueuePrefix();
  let created = false;
  let api: ChildProcess | undefined;
  let browser: Browser | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await browser?.close().catch(() => undefined);
      if (api && api.exitCode === null) {
        api.kill('SIGTERM');
        await new Promise((resolve) => api!.once('exit', resolve));
      }
      await deleteQueueKeys(prefix).catch(() => undefined);
      if (created) await dropDatabase(name);
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      log(`bench:web: ${signal}, dropping ${name}`);
      void cleanUp().finally(() => process.exit(130));
    });

  try {
    await createDatabase(name);
    created = true;
    const url = databaseUrl(name);
    log(`bench:web: seeding ${total.toLocaleString('en')} cases into ${name}`);
    const seedStart = performance.now();
    const { posts } = await seedDirectory(url);
    await seedCases(url, posts, total, log, 'bench-web');
    log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s; starting the API`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    api = await startApi(
      {
        NODE_ENV: 'development',
        LOG_LEVEL: 'silent',
        DATABASE_URL: url,
        REDIS_URL: TEST_REDIS_URL,
        JOBS_PREFIX: prefix,
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(port),
        HTTP_WEB_DIR: join(ROOT, 'dist/web'),
      },
      base,
    );
    const busiest = [...posts].sort((a, b) => b.cases - a.cases)[0];
    const email = busiest.officers[0].email;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });

    log(`  signing in ${runs} times as an officer of ${busiest.countryCode}-${busiest.postCode}`);
    const options = { path: args.path, ready: args.ready, email };
    const first = await signInOnce(browser, base, options); // warms the server; its scripts are the first load's
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push((await signInOnce(browser, base, options)).ms);

    console.log(`bench:web: ${total.toLocaleString('en')} cases, ${posts.length} posts`);
    console.log(`  target: ${args.path} until ${args.ready}`);
    console.log(
      `  sign-in to target: median ${median(times).toFixed(0)} ms of ${runs} ` +
        `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
    );
    console.log('  JavaScript of the first load:');
    for (const script of first.scripts)
      console.log(`    ${script.url}: ${kB(script.raw)} raw, ${kB(script.gzip)} gzip`);
    const sum = (key: 'raw' | 'gzip') => first.scripts.reduce((all, s) => all + s[key], 0);
    console.log(`    total: ${kB(sum('raw'))} raw, ${kB(sum('gzip'))} gzip`);
  } finally {
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:web failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
