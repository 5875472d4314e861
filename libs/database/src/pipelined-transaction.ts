import { PoolClient } from 'pg';
import { EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import { QueryResult } from 'typeorm/query-runner/QueryResult';
import { carryCallerCheck } from './caller-check';
import { pipelinedDriver } from './pipelined-driver';
import { prepared } from './prepared-statements';

export type Statement = [sql: string, parameters: unknown[]];

/** The statements a transaction sends with its COMMIT, in the COMMIT's round trip. */
export interface CommitBatch {
  /** Before the COMMIT, in the transaction (the response an idempotent request stores). */
  readonly before: Statement[];
  /** After it, outside (a read-only transaction's audit event): not sent if it rolls back. */
  readonly after: Statement[];
}

/**
 * Makes the TypeORM transaction that `runner` will run cost round trips only for its work (issue
 * 20): its `START TRANSACTION` is not sent on its own but as `begin` (one text, no parameters,
 * opened by the request's caller check when one is pending: caller-check.ts), with the first
 * statement of the work, and its COMMIT goes with the batch's statements. Every statement is handed
 * to the driver in the order it was sent: where the driver pipelines (a server, not the embedded
 * database) at once, behind the previous one, so the BEGIN and the first statement take one round
 * trip and statements the work sends without waiting for each other share one; else each when the
 * previous one is done. There, too, a statement with parameters goes as a prepared statement of the
 * connection (prepared-statements.ts): parsed once per connection, not on every request. A
 * transaction that sends nothing sends nothing. The statements go to the driver directly, answered
 * as TypeORM's query would (the data source logs no queries and has no subscribers); TypeORM sends
 * nothing else to begin, as the data source sets no isolation level.
 */
export function deferBegin(runner: QueryRunner, begin: string, pipelined: boolean): CommitBatch {
  const batch: CommitBatch = { before: [], after: [] };
  let connection: Promise<PoolClient> | undefined;
  let begins: Promise<unknown> | undefined;
  // Settles when the statement sent last has been handed to the driver (pipelined) or is done.
  let tail: Promise<unknown> = Promise.resolve();

  const send = (sql: string, parameters: unknown[] = []): Promise<PgResult> => {
    const handed = tail
      .then(() => connection!)
      .then((client) => ({
        answer: (pipelined
          ? client.query(prepared(client, sql, parameters))
          : client.query(sql, parameters)) as Promise<PgResult>,
      }));
    const answered: Promise<PgResult> = handed.then(({ answer }) =>
      answer.catch(async (error: unknown) => {
        // A statement behind a failed BEGIN fails for the BEGIN's reason: report that one.
        if (begins && begins !== answered) await begins;
        throw new QueryFailedError(sql, parameters, error as Error);
      }),
    );
    tail = (pipelined ? handed : answered).catch(() => undefined);
    return answered;
  };
  const open = () => {
    const check = carryCallerCheck(runner);
    const opening = check ? begin.replace(/;|$/, (end) => `; ${check.sql}${end}`) : begin;
    // Connecting waits for the request's caller check when another statement is making it.
    connection = runner.connect() as Promise<PoolClient>;
    begins = send(opening);
    begins.catch(() => undefined); // its failure is the statements', reported with them
    check?.settle(begins);
  };

  // Once the transaction ends, work still running (a sibling of a failed statement, work the
  // caller stopped waiting for) must not reach the connection: outside the transaction its
  // statements would commit on their own.
  let ended = false;
  (runner as { query: QueryFn }).query = async (sql, parameters, structured) => {
    if (sql === 'START TRANSACTION') return undefined;
    if (ended && sql !== 'ROLLBACK')
      throw new Error('The transaction has ended: statement not sent');
    if (sql === 'ROLLBACK' || sql === 'COMMIT') ended = true;
    if (sql === 'ROLLBACK') {
      batch.before.length = batch.after.length = 0;
      return connection ? send('ROLLBACK').then(() => undefined) : undefined;
    }
    if (sql === 'COMMIT') {
      const before = batch.before.splice(0);
      const after = batch.after.splice(0);
      // What must commit with the transaction needs it, though the work itself sent nothing.
      if (!connection && before.length) open();
      if (!connection) {
        if (!after.length) return undefined;
        connection = runner.connect() as Promise<PoolClient>;
        await Promise.all(after.map(([text, values]) => send(text, values)));
        return undefined;
      }
      const statements: Statement[] = [...before, ['COMMIT', []], ...after];
      await Promise.all([begins, ...statements.map(([text, values]) => send(text, values))]);
      return undefined;
    }
    if (!connection) open();
    return asTypeorm(await send(sql, parameters), structured);
  };
  return batch;
}

type QueryFn = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

interface PgResult {
  command?: string;
  rows?: unknown[];
  rowCount?: number | null;
}

/** A driver's answer as TypeORM's PostgresQueryRunner.query gives it (typeorm 1.1). */
function asTypeorm(raw: PgResult | PgResult[], structured = false): unknown {
  const result = new QueryResult();
  if (!raw) return result;
  const single = raw as PgResult;
  if (Object.prototype.hasOwnProperty.call(single, 'rows')) result.records = single.rows!;
  if (Object.prototype.hasOwnProperty.call(single, 'rowCount'))
    result.affected = single.rowCount ?? undefined;
  result.raw =
    single.command === 'DELETE' || single.command === 'UPDATE'
      ? [single.rows, single.rowCount]
      : single.rows;
  return structured ? result : result.raw;
}

/**
 * Runs `work` in `manager`'s transaction behind `statement` (a setting the work needs), without
 * waiting for the statement's answer where the driver pipelines: the work's statements reach the
 * driver after it and fail with the transaction if it fails.
 */
export async function behind<T>(
  manager: EntityManager,
  [sql, parameters]: Statement,
  work: () => Promise<T>,
): Promise<T> {
  if (!pipelinedDriver(manager.connection)) {
    await manager.query(sql, parameters);
    return work();
  }
  const [, result] = await Promise.all([manager.query(sql, parameters), work()]);
  return result;
}

/**
 * Runs the works in `manager`'s transaction, all at once where the driver pipelines (one round
 * trip for all their first statements: each work must send its statements when called, before it
 * awaits anything, so that they reach the server in the order of the works), else one after the
 * other. For statements whose inputs are all known, however they depend on each other's effects:
 * the server runs them in order.
 */
export async function together<T extends unknown[]>(
  manager: EntityManager,
  ...works: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (pipelinedDriver(manager.connection))
    return (await Promise.all(works.map((work) => work()))) as T;
  const results: unknown[] = [];
  for (const work of works) results.push(await work());
  return results as T;
}

/** The commit batch of each transaction begun by deferBegin, by its manager. */
const commitBatches = new WeakMap<EntityManager, { batch: CommitBatch; readOnly: boolean }>();

/** Lets `queueWithCommit` find the batch of the transaction `manager` runs. */
export function registerCommitBatch(manager: EntityManager, batch: CommitBatch, readOnly: boolean) {
  commitBatches.set(manager, { batch, readOnly });
}

/**
 * Queues a statement that must take effect exactly when the transaction `manager` runs commits,
 * to be sent with its COMMIT (in the COMMIT's round trip where the driver pipelines), and says
 * true; else false, and the caller sends it where it is. For audit events: in a writing
 * transaction the event goes in just before the COMMIT, and commits or rolls back with the change
 * it records; a read-only transaction refuses it, so there it goes right after its COMMIT, on the
 * same connection, and not at all if the read failed. Either way a statement queued here that
 * fails fails the transaction's work.
 */
export function queueWithCommit(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): boolean {
  const found = commitBatches.get(manager);
  if (!found) return false;
  (found.readOnly ? found.batch.after : found.batch.before).push([sql, parameters]);
  return true;
}
