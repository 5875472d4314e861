import { CallerCheck, currentRequestContext } from '@amparo/core';
import { Pool, PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { pipelinedDriver } from './pipelined-driver';

/** The SQLSTATE of `amparo_assert_current_caller` (migration 0035) when the caller has changed. */
export const CALLER_CHANGED = 'AM401';

/** A statement refused because the request's cached caller is no longer current. */
export class StaleCallerError extends Error {
  constructor() {
    super('The signed-in caller has changed');
  }
}

/** The request's caller check while it is not known to be current. */
function openCheck(): CallerCheck | undefined {
  const check = currentRequestContext()?.callerCheck;
  return check && check.state !== 'current' ? check : undefined;
}

/** The driver's pool, for a statement that must not go through the query runners' own check. */
function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

function changedCaller(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  return (driverError ?? (error as { code?: unknown } | null))?.code === CALLER_CHANGED;
}

/**
 * Marks the check as sent, and settles it with the outcome of the statement that carries it:
 * current, stale (its waiters then fail with StaleCallerError), or still to be made (another
 * failure, which its waiters get).
 */
function send(
  check: CallerCheck,
  carrier: object | undefined,
): (outcome: Promise<unknown>) => void {
  check.state = 'checking';
  check.carrier = carrier;
  let settle!: (outcome: Promise<unknown>) => void;
  check.checking = new Promise<void>((resolve, reject) => {
    settle = (outcome) =>
      void outcome.then(
        () => {
          check.state = 'current';
          resolve();
        },
        (error: unknown) => {
          const stale = changedCaller(error);
          check.state = stale ? 'stale' : 'pending';
          check.carrier = undefined;
          reject(stale ? new StaleCallerError() : error);
        },
      );
  });
  // Nobody may wait for it (a carried check fails its transaction anyway).
  check.checking.catch(() => undefined);
  return settle;
}

/**
 * Makes sure the request's caller, when it came from the API's cache, is current before a
 * statement runs on `runner`: waits for a check already sent, or sends it on its own round trip.
 * Throws StaleCallerError when the database says the caller has changed.
 */
export async function ensureCallerCurrent(dataSource: DataSource, runner?: object): Promise<void> {
  const check = openCheck();
  if (!check) return;
  if (check.state === 'stale') throw new StaleCallerError();
  if (check.state === 'checking') {
    if (runner && check.carrier === runner) return;
    await check.checking;
    return;
  }
  send(check, undefined)(poolOf(dataSource).query(check.sql));
  await check.checking;
}

/**
 * A read outside any transaction, in the round trip of the request's pending caller check where
 * the driver pipelines (the idempotency key's lookup, a request's first statement): both go on one
 * connection at once, and the read's rows are returned only once the caller is known current. The
 * read runs even for a caller that has changed, which is why only a read may come here: it
 * changes nothing and its rows are dropped. Elsewhere, as `dataSource.query`.
 */
export async function readWithCallerCheck<T>(
  dataSource: DataSource,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const check = openCheck();
  if (!check || check.state !== 'pending' || !pipelinedDriver(dataSource))
    return dataSource.query<T[]>(sql, parameters);
  const settle = send(check, undefined);
  let client: PoolClient;
  try {
    client = await poolOf(dataSource).connect();
  } catch (error) {
    settle(Promise.reject(error));
    throw error;
  }
  try {
    settle(client.query(check.sql));
    const read = client.query(sql, parameters);
    read.catch(() => undefined); // dropped when the check fails
    await check.checking;
    return (await read).rows as T[];
  } finally {
    client.release();
  }
}

/**
 * The request's pending caller check for the BEGIN of a walled transaction on `runner` to carry
 * (row-security.ts), which then settles it with the BEGIN's outcome; undefined when there is none
 * to carry (none, already current, or sent by another statement: `ensureCallerCurrent` waits).
 */
export function carryCallerCheck(
  runner: object,
): { sql: string; settle: (outcome: Promise<unknown>) => void } | undefined {
  const check = openCheck();
  if (!check || check.state !== 'pending') return undefined;
  return { sql: check.sql, settle: send(check, runner) };
}

/**
 * Every query runner of the data source first makes sure of the request's cached caller
 * (`ensureCallerCurrent`), so that no statement of a request runs for a caller that has changed,
 * whichever service sends it, also on the driver's connection taken for raw statements. Ending a
 * transaction is exempt, and so is a connection already taken: a ROLLBACK must always go through.
 */
export function checkCallerBeforeStatements(dataSource: DataSource): DataSource {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>) => {
    const runner: QueryRunner = create(...args);
    const query = runner.query.bind(runner) as (...a: unknown[]) => Promise<unknown>;
    const connect = runner.connect.bind(runner);
    (runner as { query: (...a: unknown[]) => Promise<unknown> }).query = async (sql, ...rest) => {
      if (sql !== 'ROLLBACK' && sql !== 'COMMIT') await ensureCallerCurrent(dataSource, runner);
      return query(sql, ...rest);
    };
    runner.connect = async () => {
      const connected = (runner as { databaseConnection?: unknown }).databaseConnection;
      if (!connected) await ensureCallerCurrent(dataSource, runner);
      return connect();
    };
    return runner;
  };
  return dataSource;
}
