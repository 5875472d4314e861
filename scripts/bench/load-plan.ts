// What npm run bench:cases sends its load process (scripts/bench/load-client.ts), one JSON line a
// step on its standard input, and what that process answers, one JSON line a step on its output.
import { prepared } from '@amparo/database';
import { Client, PoolClient } from 'pg';
import { Post } from './seed-cases';

/** A statement the API sent, caught in its process by scripts/bench/count-queries.js. */
export interface CapturedQuery {
  text: string;
  values: unknown[];
  /** set_config() statements the app ran before it in the same request (its transaction). */
  settings?: CapturedQuery[];
}

/** An officer creating cases at their post, over HTTP (token) or on raw pg (officerId). */
export interface Writer {
  post: Post;
  officerId: string;
  token: string;
}

export type Phase =
  /** GET requests over keep-alive HTTP, one connection a lane, each lane cycling through its paths. */
  | { kind: 'get'; lanes: { token?: string; paths: string[] }[] }
  /** POST /api/v1/cases with an Idempotency-Key, a lane a writer. */
  | { kind: 'create'; writers: Writer[]; estimatedAge?: boolean }
  /** The creation on raw pg: the service's transaction, or its inserts alone. */
  | { kind: 'raw-create'; writers: Writer[]; insertsOnly?: boolean }
  /**
   * A captured statement on raw pg, as the app ran it (after its settings), on `lanes` clients; in
   * another database than the API's when given (a smaller one, to compare sizes).
   */
  | { kind: 'raw-query'; lanes: number; query: CapturedQuery; databaseUrl?: string };

export interface Step {
  phase: Phase;
  seconds: number;
  /** Stop after this many operations (a probe of a few sequential requests). */
  maxOperations?: number;
}

export interface Measured {
  count: number;
  seconds: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** CPU time of the load process per operation. */
  clientCpuMsPerOp: number;
}

export type Answer = { measured: Measured } | { error: string };

/** The first captured statement matching all `patterns`, with the settings made before it. */
export function findCaptured(queries: CapturedQuery[], ...patterns: RegExp[]): CapturedQuery {
  const at = queries.findIndex((q) => patterns.every((p) => p.test(q.text)));
  if (at < 0)
    throw new Error(
      `no captured statement matches ${patterns.join(' ')} among:\n${queries.map((q) => `  ${q.text.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n')}`,
    );
  return capturedAt(queries, at);
}

const BEGIN = /^\s*(START TRANSACTION|BEGIN)\b/i;

/**
 * The statement at `at` with the set_config() statements of its own transaction before it (a
 * request may run several, the wall's, one per step). A walled transaction sends its settings in
 * the same text as its BEGIN (libs/database/src/pipelined-transaction.ts): they are taken from
 * there too, or the statement would run outside the wall (and, as the bench's superuser, without
 * the policies).
 */
export function capturedAt(queries: CapturedQuery[], at: number): CapturedQuery {
  const begun = queries.slice(0, at).findLastIndex((q) => BEGIN.test(q.text));
  const inBegin =
    begun < 0
      ? []
      : queries[begun].text
          .split(';')
          .filter((part) => /\bset_config\(/.test(part))
          .map((part) => ({ text: part.trim(), values: [] }));
  const after = queries.slice(begun + 1, at).filter((q) => /\bset_config\(/.test(q.text));
  return { ...queries[at], settings: [...inBegin, ...after] };
}

/** Runs a captured statement as the app did: in a transaction after its settings, if any. */
export async function runCaptured(client: Client, query: CapturedQuery, prefix = '') {
  // As the API sends a walled transaction's statements: prepared once per connection (an EXPLAIN,
  // given a prefix, is not).
  const statement = () =>
    prefix
      ? client.query(prefix + query.text, query.values)
      : client.query(prepared(client as PoolClient, query.text, query.values));
  if (!query.settings?.length) return statement();
  await client.query('BEGIN');
  try {
    for (const setting of query.settings) await client.query(setting.text, setting.values);
    return await statement();
  } finally {
    await client.query('COMMIT');
  }
}
