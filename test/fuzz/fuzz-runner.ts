import { request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Caller, IdPools, poolOfParam } from './fixture-network';
import {
  HOSTILE_BODIES,
  HOSTILE_BODY_VALUES,
  HOSTILE_HEADERS,
  HOSTILE_TEXT,
  RawJson,
} from './hostile-values';
import { Operation, Schema, operationsOf } from './openapi-document';
import {
  HOSTILE_BODY_NAMES,
  HOSTILE_HEADER_NAMES,
  HOSTILE_RAW_NAMES,
  HOSTILE_TEXT_NAMES,
  Plan,
  UNKNOWN_KEYS,
  pickName,
  planArbitrary,
  planAt,
} from './request-plan';
import { Answer, Defect, ResponseChecks } from './response-checks';
import { PoolPick } from './schema-values';

/** A request as it goes on the wire. */
export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What was hostile in it, for the report. */
  mutation: string;
}

export interface Failure extends Defect {
  index: number;
  operation: string;
  caller: string;
  mutation: string;
  request: string;
}

export interface FuzzResult {
  seed: number;
  sent: number;
  failures: Failure[];
  latencies: number[];
  statuses: Map<number, number>;
}

type Path = (string | number)[];

/** JSON text with RawJson written verbatim (JSON.stringify cannot write 1e400 or depth 20,000). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function fillIds(value: unknown, ids: IdPools): unknown {
  if (value instanceof PoolPick) return ids.pick(value.pool, value.index);
  if (Array.isArray(value)) return value.map((v) => fillIds(v, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillIds(v, ids)]));
  return value;
}

/** Every position of a JSON value, the root included: where a hostile value may go. */
export function positionsOf(value: unknown, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => positionsOf(v, [...at, i])));
  if (value && typeof value === 'object')
    return here.concat(Object.entries(value).flatMap(([k, v]) => positionsOf(v, [...at, k])));
  return here;
}

function setAt(root: unknown, path: Path, make: (old: unknown) => unknown): unknown {
  if (!path.length) return make(root);
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<
    string | number,
    unknown
  >;
  copy[path[0]] = setAt(copy[path[0]], path.slice(1), make);
  return copy;
}

const HOSTILE_PATH_NAMES = HOSTILE_TEXT_NAMES.filter((name) => HOSTILE_TEXT[name] !== '');

const encode = (value: unknown) =>
  encodeURIComponent(Array.isArray(value) ? value.join(',') : String(value));

/** Turns a plan into bytes, filling in real ids and putting its hostile value in its place. */
export function buildRequest(plan: Plan, caller: Caller, ids: IdPools): WireRequest {
  const { op } = plan;
  let mutation = 'none';
  const pathValues: Record<string, string> = {};
  for (const [name, n] of Object.entries(plan.pathPicks))
    pathValues[name] = encodeURIComponent(ids.pick(poolOfParam(op.path, name), n));
  const query = fillIds(plan.query, ids) as Record<string, unknown>;
  let queryText = Object.entries(query)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encode(v)}`);
  const headers: Record<string, string> = { 'accept-language': plan.language };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  for (const [name, value] of Object.entries(fillIds(plan.headers, ids) as Record<string, unknown>))
    if (value !== undefined) headers[name.toLowerCase()] = String(value);
  if (op.parameters.some((p) => p.name === 'If-Match')) {
    const caseId = decodeURIComponent(pathValues.id ?? '');
    headers['if-match'] = ids.etags.get(caseId) ?? '"v1"';
  }
  let body = plan.body === undefined ? undefined : fillIds(plan.body, ids);
  let bodyText: string | undefined;

  switch (plan.mode) {
    case 'body value': {
      const name = pickName(HOSTILE_BODY_NAMES, plan.hostile);
      const positions = positionsOf(body);
      const at = positions[plan.location % positions.length];
      body = setAt(body, at, HOSTILE_BODY_VALUES[name]);
      mutation = `body ${at.join('.') || '(root)'} = ${name}`;
      break;
    }
    case 'unknown key': {
      const objects = positionsOf(body).filter((p) => {
        const v = p.reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], body);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      const at = objects[plan.location % Math.max(1, objects.length)] ?? [];
      const key = pickName(UNKNOWN_KEYS, plan.hostile);
      body = setAt(body, at, (old) => {
        const copy = { ...(old as object) };
        Object.defineProperty(copy, key, { value: { injected: true }, enumerable: true });
        return copy;
      });
      mutation = `body ${at.join('.') || '(root)'} + unknown key ${key}`;
      break;
    }
    case 'raw body': {
      const name = pickName(HOSTILE_RAW_NAMES, plan.hostile);
      bodyText = HOSTILE_BODIES[name];
      mutation = `raw body ${name}`;
      break;
    }
    case 'query': {
      const names = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
      const name = pickName(
        [...names, `${names[0]}[]`, `${names[0]}[__proto__]`, 'unknownParam'],
        plan.location,
      );
      const hostile = pickName(HOSTILE_TEXT_NAMES, plan.hostile);
      queryText = queryText.filter((q) => !q.startsWith(`${name}=`));
      queryText.push(`${name}=${HOSTILE_TEXT[hostile]}`);
      if (plan.hostile % 7 === 0) queryText.push(`${name}=${HOSTILE_TEXT[hostile]}`); // repeated
      mutation = `query ${name} = ${hostile}`;
      break;
    }
    case 'path': {
      const names = Object.keys(pathValues);
      const name = pickName(names, plan.location);
      // An empty segment names another route (`/users//disable`), not a bad parameter.
      const hostile = pickName(HOSTILE_PATH_NAMES, plan.hostile);
      pathValues[name] = HOSTILE_TEXT[hostile];
      mutation = `path ${name} = ${hostile}`;
      break;
    }
    case 'header': {
      const name = pickName(HOSTILE_HEADER_NAMES, plan.hostile);
      const [header, value] = HOSTILE_HEADERS[name];
      headers[header.toLowerCase()] = value;
      mutation = `header ${name}`;
      break;
    }
  }
  if (op.body) {
    bodyText ??= toJsonText(body ?? {});
    headers['content-type'] ??= 'application/json';
  }
  let path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathValues[name]);
  if (queryText.length) path += `?${queryText.join('&')}`;
  return { method: op.method, path, headers, body: bodyText, mutation };
}

export function send(port: number, req: WireRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const started = performance.now();
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        // A connection per request: a kept-alive one the server has timed out resets the next.
        agent: false,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export interface FuzzOptions {
  document: Schema;
  port: number;
  callers: Caller[];
  ids: IdPools;
  seed: number;
  requests: number;
  /** Called before an operation that would end the caller's session, to give it one of its own. */
  disposableCaller?: (op: Operation, caller: Caller) => Promise<Caller>;
}

/** Sends `requests` requests, one at a time, and checks every answer. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const { document, port, callers, ids, seed, requests } = options;
  const operations = operationsOf(document);
  const arbitraries = operations.map((op) => planArbitrary(document, op));
  const checks = new ResponseChecks(document);
  const result: FuzzResult = { seed, sent: 0, failures: [], latencies: [], statuses: new Map() };
  for (let i = 0; i < requests; i++) {
    const plan = planAt(document, operations, arbitraries, callers.length, seed, i);
    let caller = callers[plan.callerIndex];
    if (options.disposableCaller) caller = await options.disposableCaller(plan.op, caller);
    const wire = buildRequest(plan, caller, ids);
    const sentText = `${wire.path}\n${Object.values(wire.headers).join('\n')}\n${wire.body ?? ''}`;
    const fail = (defect: Defect) =>
      result.failures.push({
        ...defect,
        index: i,
        operation: plan.op.id,
        caller: caller.name,
        mutation: wire.mutation,
        request: `${wire.method} ${wire.path.slice(0, 300)} ${(wire.body ?? '').slice(0, 300)}`,
      });
    let answer: Answer;
    try {
      answer = await send(port, wire);
    } catch (error) {
      fail({ kind: 'connection error', detail: String(error) });
      continue;
    } finally {
      result.sent++;
    }
    result.latencies.push(answer.ms);
    result.statuses.set(answer.status, (result.statuses.get(answer.status) ?? 0) + 1);
    for (const defect of checks.check(plan.op, answer, sentText)) fail(defect);
    remember(plan.op, wire, answer, ids);
  }
  return result;
}

/**
 * What a successful answer teaches the next requests: the ids it names (for the pools) and a
 * case's new ETag (so that the next write of that case is not refused as stale).
 */
export function remember(op: Operation, wire: WireRequest, answer: Answer, ids: IdPools): void {
  if (answer.status >= 300) return;
  try {
    ids.harvest(op.method, op.path, JSON.parse(answer.text));
  } catch {
    // not JSON (CSV, files): nothing to harvest
  }
  const etag = answer.headers.etag;
  const caseId = /^\/api\/v1\/cases\/([^/?]+)/.exec(wire.path)?.[1];
  if (typeof etag === 'string' && caseId) ids.etags.set(decodeURIComponent(caseId), etag);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

/** The report the issue asks for: requests, failures by operation and kind, latency. */
export function formatReport(result: FuzzResult): string {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const groups = new Map<string, Failure[]>();
  for (const f of result.failures) {
    const key = `${f.operation} — ${f.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [
    `fuzz: seed ${result.seed} (FUZZ_SEED=${result.seed} FUZZ_REQUESTS=${result.sent} reproduces)`,
    `requests sent: ${result.sent}; failures: ${result.failures.length} in ${groups.size} groups`,
    `latency ms: p50 ${percentile(sorted, 50).toFixed(1)}, p99 ${percentile(sorted, 99).toFixed(1)}, max ${(sorted.at(-1) ?? 0).toFixed(1)}`,
    `statuses: ${[...result.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')}`,
  ];
  for (const [key, failures] of [...groups.entries()].sort()) {
    const first = failures[0];
    lines.push(
      `  ${key}: ${failures.length} (first #${first.index}, ${first.caller}, ${first.mutation})`,
      `    ${first.detail.slice(0, 400)}`,
      `    ${first.request.slice(0, 400)}`,
    );
  }
  return lines.join('\n');
}
