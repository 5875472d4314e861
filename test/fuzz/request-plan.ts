import fc from 'fast-check';
import { Operation, Schema } from './openapi-document';
import {
  HOSTILE_BODIES,
  HOSTILE_BODY_VALUES,
  HOSTILE_HEADERS,
  HOSTILE_TEXT,
  UNKNOWN_KEYS,
} from './hostile-values';
import { validValue } from './schema-values';

/** Where a request departs from what the document allows (or `valid`: nowhere). */
export type Mode =
  'valid' | 'body value' | 'unknown key' | 'raw body' | 'query' | 'path' | 'header';

/** One request, before real ids are filled in: everything drawn from the seed. */
export interface Plan {
  op: Operation;
  callerIndex: number;
  mode: Mode;
  body?: unknown;
  query: Record<string, unknown>;
  pathPicks: Record<string, number>;
  headers: Record<string, unknown>;
  language: string;
  /** Which hostile value, and where, as indices resolved against the request's own shape. */
  hostile: number;
  location: number;
}

const pickName = (names: string[], n: number) => names[n % names.length];
export const HOSTILE_BODY_NAMES = Object.keys(HOSTILE_BODY_VALUES);
export const HOSTILE_RAW_NAMES = Object.keys(HOSTILE_BODIES);
export const HOSTILE_TEXT_NAMES = Object.keys(HOSTILE_TEXT);
export const HOSTILE_HEADER_NAMES = Object.keys(HOSTILE_HEADERS);
export { pickName, UNKNOWN_KEYS };

/** The modes that make sense for an operation (no body mutations where there is no body). */
function modesOf(op: Operation): Mode[] {
  const modes: Mode[] = ['valid', 'valid', 'header'];
  if (op.body) modes.push('body value', 'body value', 'body value', 'unknown key', 'raw body');
  if (op.parameters.some((p) => p.in === 'query')) modes.push('query', 'query');
  if (op.parameters.some((p) => p.in === 'path')) modes.push('path', 'path');
  return modes;
}

/** fast-check arbitraries of one operation's requests, built once. */
export function planArbitrary(
  document: Schema,
  op: Operation,
): fc.Arbitrary<Omit<Plan, 'op' | 'callerIndex'>> {
  const params = (where: string) => op.parameters.filter((p) => p.in === where);
  const record = (where: string) =>
    fc.record(
      Object.fromEntries(
        params(where).map((p) => [p.name, validValue(document, p.schema, p.name)]),
      ),
      {
        requiredKeys: params(where)
          .filter((p) => p.required)
          .map((p) => p.name),
      },
    );
  return fc.record({
    mode: fc.constantFrom(...modesOf(op)),
    body: op.body ? validValue(document, op.body) : fc.constant(undefined),
    query: record('query'),
    pathPicks: fc.record(Object.fromEntries(params('path').map((p) => [p.name, fc.nat(1000)]))),
    headers: record('header'),
    language: fc.constantFrom('es', 'en', 'en-US,en;q=0.9', 'es-MX'),
    hostile: fc.nat(10_000),
    location: fc.nat(10_000),
  });
}

/**
 * The i-th request of a run: operations in turn, and the caller rotating so that the first
 * operations × callers requests cover every pair; the rest drawn from the seed.
 */
export function planAt(
  document: Schema,
  operations: Operation[],
  arbitraries: fc.Arbitrary<Omit<Plan, 'op' | 'callerIndex'>>[],
  callers: number,
  seed: number,
  i: number,
): Plan {
  const opIndex = i % operations.length;
  const callerIndex = (opIndex + 3 * Math.floor(i / operations.length)) % callers;
  const [drawn] = fc.sample(arbitraries[opIndex], { seed: (seed + i * 7919) | 0, numRuns: 1 });
  return { ...drawn, op: operations[opIndex], callerIndex };
}
