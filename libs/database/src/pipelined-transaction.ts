import { PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import { carryCallerCheck } from './caller-check';

export type Statement = [sql: string, parameters: unknown[]];

/** Whether the data source's connections pipeline (see `externalDataSourceOptions`). */
export function pipelinedDriver(dataSource: DataSource): boolean {
  return (dataSource.options as { extra?: { pipeline?: boolean } }).extra?.pipeline === true;
}

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
 * statement of the work, and its COMMIT goes with the batch's statements. Where the driver
 * pipelines (a server, not the embedded database) each goes out at once, behind the previous
 * one, so the BEGIN and the first statement take one round trip, and statements the work sends
 * without waiting for each other share one. A transaction that sends nothing sends nothing.
 * (TypeORM sends nothing else to begin: the data source sets no isolation level.)
 */
export function deferBegin(runner: QueryRunner, begin: string, pipelined: boolean): CommitBatch {
  const batch: CommitBatch = { before: [], after: [] };
  const sendThroughTypeorm = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  // Settles once the BEGIN is in the driver's queue (pipelined) or done: every other statement of
  // the transaction waits for it, so none can run outside the transaction or before what its
  // BEGIN sets up. Statements then reach the driver in the order they were sent.
  let opened: Promise<void> | undefined;
  let begins: Promise<void> | undefined;
  const open = () => {
    const check = carryCallerCheck(runner);
    const opening = check ? begin.replace(/;|$/, (end) => `; ${check.sql}${end}`) : begin;
    begins = sendInOrder(runner, [[opening, []]], pipelined);
    begins.catch(() => undefined); // its failure is the statements', reported with them
    check?.settle(begins);
    opened = pipelined ? sentToDriver.get(begins)! : begins;
  };
  (runner as { query: (...args: unknown[]) => Promise<unknown> }).query = async (sql, ...rest) => {
    if (sql === 'START TRANSACTION') return undefined;
    if (sql === 'COMMIT' || sql === 'ROLLBACK') {
      const before = batch.before.splice(0);
      const after = batch.after.splice(0);
      if (sql === 'ROLLBACK') return opened ? rollback(opened) : undefined;
      // What must commit with the transaction needs it, though the work itself sent nothing.
      if (!opened && before.length) open();
      if (!opened) return sendInOrder(runner, after, pipelined);
      await opened.catch(() => undefined);
      const commit = sendInOrder(runner, [...before, ['COMMIT', []], ...after], pipelined);
      await Promise.all([begins, commit]);
      return undefined;
    }
    if (!opened) {
      open();
      if (!pipelined) await begins;
    }
    await opened;
    const [, result] = await Promise.all([begins, sendThroughTypeorm(sql, ...rest)]);
    return result;
  };
  const rollback = async (sent: Promise<void>) => {
    await sent.catch(() => undefined);
    return sendInOrder(runner, [['ROLLBACK', []]], pipelined);
  };
  return batch;
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

/** For each sendInOrder's promise: settles once its statements are in the driver's queue. */
const sentToDriver = new WeakMap<Promise<void>, Promise<void>>();

/**
 * Sends the statements on the runner's connection in this order, all at once where the driver
 * pipelines, and fails with the first failure, as TypeORM would report it.
 */
function sendInOrder(
  runner: QueryRunner,
  statements: readonly Statement[],
  pipelined: boolean,
): Promise<void> {
  if (statements.length === 0) return Promise.resolve();
  const connected = runner.connect() as Promise<PoolClient>;
  const send = (client: PoolClient, [sql, parameters]: Statement) =>
    client.query(sql, parameters).catch((error: unknown) => {
      throw new QueryFailedError(sql, parameters, error as Error);
    });
  const done = connected.then(async (client) => {
    if (pipelined) {
      // client.query queues each at once, in this order.
      await Promise.all(statements.map((statement) => send(client, statement)));
      return;
    }
    for (const statement of statements) await send(client, statement);
  });
  sentToDriver.set(
    done,
    connected.then(() => undefined),
  );
  return done;
}
