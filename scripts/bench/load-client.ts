// The load process of npm run bench:cases: `load-client.ts <database url> <API base url>` reads one
// step a line on its standard input (a JSON Step of ./load-plan.ts), runs it, and answers one JSON
// line on its output. HTTP goes over keep-alive connections (node:http, one a lane, up to 16); the
// raw-pg phases use clients of their own. In a process of its own, its CPU is not the API's.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import {
  createCaseTransactionRaw,
  insertCaseRaw,
  newCaseBody,
  withEstimatedAgePerson,
} from './case-writes';
import { Answer, Measured, Phase, Step, runCaptured } from './load-plan';
import { Synth, connect, seeded } from './seed-cases';

const MAX_LANES = 16;
const [databaseUrl, base] = process.argv.slice(2);
// An idle connection is dropped after 4 s, before the API's keep-alive timeout (Node's 5 s) closes
// it: a request sent on a connection the server is closing fails with "socket hang up", which
// ended a run once, after a raw-pg phase had left the connections idle.
const agent = new Agent({ keepAlive: true, maxSockets: MAX_LANES, timeout: 4000 });
const synth = new Synth(seeded(7));
/** Raw-pg clients by database, one a lane. */
const clients = new Map<string, Client[]>();

/** One request over the keep-alive agent; the status and the body's text. */
function send(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          ...(payload
            ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() }
            : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function expectStatus(
  status: number,
  answer: Promise<{ status: number; text: string }>,
  what: string,
) {
  const { status: got, text } = await answer;
  if (got !== status) throw new Error(`${what}: ${got} ${text.slice(0, 300)}`);
}

async function rawClient(lane: number, url = databaseUrl): Promise<Client> {
  const lanes = clients.get(url) ?? [];
  clients.set(url, lanes);
  while (lanes.length <= lane) lanes.push(await connect(url, 'bench-cases-load', true));
  return lanes[lane];
}

/** The lanes of a phase and what one operation of lane k does. */
function operationOf(phase: Phase): { lanes: number; run: (lane: number) => Promise<void> } {
  switch (phase.kind) {
    case 'get': {
      const turns = phase.lanes.map(() => 0);
      return {
        lanes: phase.lanes.length,
        run: (k) => {
          const { paths, token } = phase.lanes[k];
          const path = paths[turns[k]++ % paths.length];
          return expectStatus(200, send('GET', path, token), `GET ${path}`);
        },
      };
    }
    case 'create':
      return {
        lanes: phase.writers.length,
        run: (k) => {
          const { post, token } = phase.writers[k];
          const body = newCaseBody(synth, post);
          const sent = phase.estimatedAge ? withEstimatedAgePerson(body) : body;
          return expectStatus(201, send('POST', '/api/v1/cases', token, sent), 'POST /cases');
        },
      };
    case 'raw-create': {
      const write = phase.insertsOnly ? insertCaseRaw : createCaseTransactionRaw;
      return {
        lanes: phase.writers.length,
        run: async (k) => {
          const { post, officerId } = phase.writers[k];
          await write(await rawClient(k), newCaseBody(synth, post), post, officerId);
        },
      };
    }
    case 'raw-query':
      return {
        lanes: phase.lanes,
        run: async (k) => {
          await runCaptured(await rawClient(k, phase.databaseUrl), phase.query);
        },
      };
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `run` on `lanes` concurrent lanes until the time (or the count) is used up. */
async function measure(
  seconds: number,
  lanes: number,
  run: (lane: number) => Promise<void>,
  maxOperations = Infinity,
): Promise<Measured> {
  if (lanes < 1 || lanes > MAX_LANES) throw new Error(`lanes must be 1 to ${MAX_LANES}`);
  const latenciesMs: number[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let started = 0;
  const lane = async (k: number) => {
    while (performance.now() < deadline && started++ < maxOperations) {
      const began = performance.now();
      await run(k);
      latenciesMs.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: lanes }, (_, k) => lane(k)));
  const used = process.cpuUsage(cpu);
  latenciesMs.sort((a, b) => a - b);
  return {
    count: latenciesMs.length,
    seconds: (performance.now() - start) / 1000,
    p50Ms: percentile(latenciesMs, 50),
    p95Ms: percentile(latenciesMs, 95),
    p99Ms: percentile(latenciesMs, 99),
    clientCpuMsPerOp: (used.user + used.system) / 1000 / Math.max(1, latenciesMs.length),
  };
}

async function runStep(step: Step): Promise<Measured> {
  const { lanes, run } = operationOf(step.phase);
  return measure(step.seconds, lanes, run, step.maxOperations);
}

async function main() {
  if (!databaseUrl || !base) throw new Error('usage: load-client.ts <database url> <API base url>');
  // One step at a time, in the order they come: the parent waits for each answer.
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    let answer: Answer;
    try {
      answer = { measured: await runStep(JSON.parse(line) as Step) };
    } catch (error) {
      answer = { error: error instanceof Error ? error.message : String(error) };
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
  await Promise.all([...clients.values()].flat().map((c) => c.end()));
  agent.destroy();
}

main().catch((error: unknown) => {
  console.error(`load client failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
