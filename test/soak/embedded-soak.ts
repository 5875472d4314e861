import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedApiProcess } from './embedded-api-process';
import { Officer, SOAK_ADMIN_ENV, provisionOfficers, signInOfficer } from './soak-accounts';
import { SoakWorkload } from './soak-workload';
import { Sample, StuckRequest, WatchedHttp } from './watched-http';

export interface SoakOptions {
  /** Requests after set-up, spread over the phases. */
  requests: number;
  /** Runs of the API on the same data folder; a real restart (SIGTERM, start) between two. */
  phases: number;
  /** Requests in flight at once. */
  concurrency: number;
  seed: number;
  /** The watchdog: a request slower than this fails the soak. */
  limitMs: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  requests: number;
  p50: number;
  p99: number;
  slowest: Sample | undefined;
  /** Start-up of each phase's process, and how long each SIGTERM took to end it. */
  startsMs: number[];
  stopsMs: number[];
  /** Answers that were not the expected status: none in a good run. */
  unexpected: string[];
}

/**
 * Drives the real API on the embedded PGlite with ordinary use of every shape, phase after phase
 * on the same data folder with a real restart in between (the first request of every phase is a
 * creation with an estimated age only). Any request slower than the watchdog throws StuckRequest
 * with the process's last output; every SIGTERM must end the process cleanly.
 */
export async function runEmbeddedSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const dataDir = await mkdtemp(join(tmpdir(), 'amparo-soak-'));
  const workload = new SoakWorkload(options.seed);
  const samples: Sample[] = [];
  const unexpected: string[] = [];
  const startsMs: number[] = [];
  const stopsMs: number[] = [];
  let api: EmbeddedApiProcess | undefined;
  try {
    let officers: Officer[] = [];
    const perPhase = Math.ceil(options.requests / options.phases);
    for (let phase = 0; phase < options.phases; phase++) {
      api = await EmbeddedApiProcess.start(dataDir, SOAK_ADMIN_ENV);
      startsMs.push(api.startMs);
      log(`phase ${phase + 1}/${options.phases}: API up in ${api.startMs} ms`);
      const http = new WatchedHttp(api.url, options.limitMs);
      try {
        if (phase === 0) officers = await provisionOfficers(http, ['MX', 'GT']);
        await runPhase(http, officers, workload, perPhase, options.concurrency, unexpected);
      } catch (error) {
        if (error instanceof StuckRequest)
          error.message += `\nAPI alive: ${api.alive}, /health/live answers: ${await api.live()}\n${api.output()}`;
        throw error;
      } finally {
        samples.push(...http.samples);
      }
      const stopped = await api.stop('SIGTERM');
      stopsMs.push(stopped.ms);
      if (stopped.code !== 0)
        throw new Error(`SIGTERM ended the API with ${stopped.code}:\n${api.output()}`);
    }
  } finally {
    if (api?.alive) await api.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
  const figures = Object.assign(new WatchedHttp(''), { samples }).figures();
  return { ...figures, startsMs, stopsMs, unexpected };
}

async function runPhase(
  http: WatchedHttp,
  officers: Officer[],
  workload: SoakWorkload,
  requests: number,
  concurrency: number,
  unexpected: string[],
): Promise<void> {
  const tokens = await Promise.all(officers.map((o) => signInOfficer(http, o)));
  const expect = (label: string, status: number, wanted: number[], body: unknown) => {
    if (!wanted.includes(status)) unexpected.push(`${label}: ${status} ${JSON.stringify(body)}`);
  };
  const create = async (i: number, shape?: 'estimated_age') => {
    const officer = officers[i % officers.length];
    const body = workload.newCase(officer.consulateId, officer.countryCode, shape);
    const key = workload.chance(0.1) ? randomUUID() : undefined;
    const headers = key ? { 'idempotency-key': key } : undefined;
    const token = tokens[i % officers.length];
    const res = await http.request('POST', '/api/v1/cases', { token, body, headers });
    expect('POST /cases', res.status, [201], res.body);
    if (res.status !== 201) return;
    workload.remember(officer.countryCode, body, res.body);
    if (key) {
      const again = await http.request('POST', '/api/v1/cases', {
        token,
        body,
        headers,
        label: 'POST /cases (replay)',
      });
      expect('POST /cases (replay)', again.status, [201], again.body);
    }
  };
  const read = async (i: number) => {
    const token = tokens[i % officers.length];
    const roll = workload.pick(['list', 'get', 'search'] as const);
    if (roll === 'list' || !workload.caseIds.length) {
      const res = await http.request('GET', `/api/v1/cases?limit=${workload.pick([1, 20, 200])}`, {
        token,
      });
      expect('GET /cases', res.status, [200], res.body);
    } else if (roll === 'get') {
      // A case of the other post answers 404, as one outside the caller's scope must.
      const res = await http.request('GET', `/api/v1/cases/${workload.pick(workload.caseIds)}`, {
        token,
      });
      expect('GET /cases/:id', res.status, [200, 404], res.body);
    } else {
      const q = encodeURIComponent(workload.searchQuery());
      const res = await http.request('GET', `/api/v1/persons?q=${q}`, { token });
      expect('GET /persons', res.status, [200], res.body);
    }
  };
  // The first creation after a start: an estimated age and no birth date, alone.
  await create(0, 'estimated_age');
  for (let done = 1; done < requests; done += concurrency) {
    const batch = Math.min(concurrency, requests - done);
    await Promise.all(
      Array.from({ length: batch }, (_, k) =>
        workload.chance(0.55) ? create(done + k) : read(done + k),
      ),
    );
  }
}
