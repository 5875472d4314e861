// npm run bench:web [-- --cases N --runs R]: the work queue at scale, in Chromium (issue 15).
// Seeds synthetic cases (bench:cases' seeding, scripts/bench/seed-cases.ts) into a fresh database
// of the local test server, starts the built API in a process of its own as a deployment runs it
// (NODE_ENV=production, keys generated for the run) serving the built app, enrols TOTP for an
// officer of the busiest post through the API, then measures in Debian's Chromium the time from
// submitting the sign-in form (password, then the code) until the work queue shows a page of 50
// cases: median of the runs, each in a fresh browser profile (cold cache). Prints the JavaScript
// the first load fetches, chunk by chunk, raw and gzip. Prints figures; not a test. The database,
// the queue keys and the run's key folder are removed at the end, on failure and on Ctrl-C.
import 'reflect-metadata';
import {
  createDatabase,
  databaseUrl,
  deleteQueueKeys,
  dropDatabase,
  uniqueName,
  uniqueQueuePrefix,
} from '@amparo/testing';
import { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Browser, chromium } from 'playwright-core';
import { PASSWORD, seedCases, seedDirectory } from './bench/seed-cases';
import { buildIfStale, builds } from './builds';
import { WEB_BUILD, productionSecrets, startApiOn, stopApi } from './support/api-process';
import { Authenticator, enrolTotp } from './support/totp';

const CHROMIUM = process.env.TEST_CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The work queue's page size (apps/web/src/queue/case-queue-panel.tsx). */
const PAGE = 50;
const log = (line: string) => console.error(line);

/** What scripts/bench/queue-probe.js records in the page (wall-clock ms). */
interface Probe {
  submits: number[];
  codeAsked: number;
  shown: number;
}
const PROBE = `${readFileSync(join(__dirname, 'bench/queue-probe.js'), 'utf8')}\ninstallQueueProbe(${PAGE});`;

interface Script {
  url: string;
  raw: number;
  gzip: number;
  /** Fetched after the sign-in form was submitted (the queue's own chunks, lazily loaded). */
  afterSubmit: boolean;
}

interface Run {
  /** Submit of email and password until the page of cases is shown. */
  total: number;
  /** Submit of email and password until the code field is shown. */
  password: number;
  /** Submit of the code until the page of cases is shown. */
  code: number;
  /** The app's own share of `total`: without the robot's filling in and sending of the code. */
  app: number;
  /** Each API call after the code's submit: path and ms from request to last byte. */
  calls: { path: string; ms: number }[];
  /** Each request after the code's submit: ms from the submit to its start and to its last byte. */
  timeline: { path: string; start: number; end: number }[];
  scripts: Script[];
}

/** One sign-in in a fresh profile, from the form at `/` to a page of 50 cases in the queue. */
async function signInOnce(
  browser: Browser,
  base: string,
  email: string,
  authenticator: Authenticator,
): Promise<Run> {
  const context = await browser.newContext({
    locale: 'es-MX',
    viewport: { width: 1280, height: 800 },
  });
  try {
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    let submitted = false;
    const scripts = new Map<string, Promise<Script>>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (response.request().resourceType() !== 'script' && !url.pathname.endsWith('.js')) return;
      if (scripts.has(url.pathname)) return;
      const afterSubmit = submitted;
      scripts.set(
        url.pathname,
        response.body().then((body) => ({
          url: url.pathname,
          raw: body.length,
          gzip: gzipSync(body).length,
          afterSubmit,
        })),
      );
    });
    const calls: Run['calls'] = [];
    const timeline: Run['timeline'] = [];
    let coded = 0; // wall-clock ms of the code's submit
    page.on('requestfinished', (request) => {
      const url = new URL(request.url());
      const timing = request.timing();
      if (!coded || timing.startTime < coded) return;
      const start = timing.startTime - coded;
      timeline.push({ path: url.pathname, start, end: start + timing.responseEnd });
      if (url.pathname.startsWith('/api/'))
        calls.push({ path: url.pathname, ms: timing.responseEnd });
    });

    await page.goto(`${base}/`);
    await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(email);
    await page.getByLabel('Contraseña').fill(PASSWORD);
    const submit = page.getByRole('button', { name: 'Iniciar sesión' });
    await submit.waitFor();
    const code = await authenticator.next();

    submitted = true;
    await submit.click();
    const codeField = page.getByRole('textbox', { name: 'Código de verificación' });
    await codeField.fill(code);
    coded = Date.now();
    await page.getByRole('button', { name: 'Verificar' }).click();
    // Serialised into the page: no names from this module inside.
    await page.waitForFunction(
      () => (globalThis as unknown as { __bench: Probe }).__bench.shown > 0,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    const probe = await page.evaluate(() => (globalThis as unknown as { __bench: Probe }).__bench);
    const rows = await page.getByRole('main').getByRole('table').locator('tbody tr').count();
    if (rows !== PAGE) throw new Error(`the queue shows ${rows} cases, not ${PAGE}`);
    const [started, verifying] = probe.submits;
    if (probe.submits.length !== 2) throw new Error(`${probe.submits.length} submits, not 2`);
    return {
      total: probe.shown - started,
      password: probe.codeAsked - started,
      code: probe.shown - verifying,
      app: probe.codeAsked - started + (probe.shown - verifying),
      calls,
      timeline: timeline
        .map((step) => ({
          ...step,
          start: step.start + coded - verifying,
          end: step.end + coded - verifying,
        }))
        .sort((a, b) => a.start - b.start),
      scripts: await Promise.all(scripts.values()),
    };
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
const ms = (values: number[]) =>
  `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '5' },
    },
  });
  const total = Number(args.cases);
  const runs = Number(args.runs);
  if (!Number.isInteger(total) || total < 10_000)
    throw new Error('--cases must be a whole number ≥ 10000 (the officer needs a page of 50)');
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs must be 1 to 50');
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium`);
  for (const build of [builds.api, builds.web])
    if (buildIfStale(build, log) !== 0) throw new Error(`building ${build.name} failed`);

  const name = uniqueName('amparo_test'); // a crashed run's database is dropped by the next e2e setup
  const prefix = uniqueQueuePrefix();
  const keyDir = mkdtempSync(join(tmpdir(), 'amparo-bench-web-'));
  let created = false;
  let api: ChildProcess | undefined;
  let browser: Browser | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await browser?.close().catch(() => undefined);
      await stopApi(api);
      await deleteQueueKeys(prefix).catch(() => undefined);
      if (created) await dropDatabase(name);
      rmSync(keyDir, { recursive: true, force: true });
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

    const started = await startApiOn(url, prefix, {
      LOG_LEVEL: 'silent',
      HTTP_WEB_DIR: WEB_BUILD,
      ...productionSecrets(keyDir),
    });
    api = started.child;
    const base = started.base;
    const busiest = [...posts].sort((a, b) => b.cases - a.cases)[0];
    const email = busiest.officers[0].email;
    const authenticator = await enrolTotp(base, email, PASSWORD);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });

    log(
      `  signing in ${runs} times (and once to warm up) as an officer of ` +
        `${busiest.countryCode}-${busiest.postCode} (${busiest.cases.toLocaleString('en')} cases); ` +
        `a run may wait for a fresh TOTP step`,
    );
    const loadBefore = load();
    const first = await signInOnce(browser, base, email, authenticator); // warms the server
    const measured: Run[] = [];
    for (let run = 0; run < runs; run++) {
      measured.push(await signInOnce(browser, base, email, authenticator));
      log(`  run ${run + 1}: ${measured[run].total.toFixed(0)} ms`);
    }

    console.log(
      `bench:web: ${total.toLocaleString('en')} cases, ${posts.length} posts; ` +
        `officer of ${busiest.countryCode}-${busiest.postCode} (${busiest.cases.toLocaleString('en')} cases)`,
    );
    console.log(
      `  machine: ${cpus().length} cores; load average ${loadBefore} before the runs, ${load()} after`,
    );
    console.log(`  sign-in submitted to ${PAGE} cases shown in the work queue (${runs} runs):`);
    console.log(`    total:                        ${ms(measured.map((r) => r.total))}`);
    console.log(`    password until code asked:    ${ms(measured.map((r) => r.password))}`);
    console.log(`    code until the page of cases: ${ms(measured.map((r) => r.code))}`);
    console.log(`    the two, without the typing:  ${ms(measured.map((r) => r.app))}`);
    const paths = [...new Set(measured.flatMap((r) => r.calls.map((c) => c.path)))];
    console.log('  API calls after the code (request to last byte):');
    for (const path of paths) {
      const times = measured.flatMap((r) =>
        r.calls.filter((c) => c.path === path).map((c) => c.ms),
      );
      console.log(`    ${path}: ${ms(times)}`);
    }
    const typical = [...measured].sort((a, b) => a.total - b.total)[Math.floor(runs / 2)];
    console.log(
      `  the median run after the code's submit (page of cases shown at ${typical.code.toFixed(0)} ms):`,
    );
    for (const step of typical.timeline)
      console.log(
        `    ${step.start.toFixed(0).padStart(5)} → ${step.end.toFixed(0).padStart(5)} ms  ${step.path}`,
      );
    console.log('  JavaScript of the first load (cold cache), in the order fetched:');
    for (const script of first.scripts)
      console.log(
        `    ${script.afterSubmit ? 'after sign-in ' : 'sign-in page  '} ${script.url}: ` +
          `${kB(script.raw)} raw, ${kB(script.gzip)} gzip`,
      );
    const sum = (scripts: Script[], key: 'raw' | 'gzip') =>
      scripts.reduce((all, s) => all + s[key], 0);
    const before = first.scripts.filter((s) => !s.afterSubmit);
    console.log(
      `    sign-in page: ${kB(sum(before, 'raw'))} raw, ${kB(sum(before, 'gzip'))} gzip; ` +
        `total to the queue: ${kB(sum(first.scripts, 'raw'))} raw, ` +
        `${kB(sum(first.scripts, 'gzip'))} gzip (${first.scripts.length} files)`,
    );
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
