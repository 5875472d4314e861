import { PoolClient } from 'pg';
import { DataSource, QueryFailedError, QueryRunner } from 'typeorm';
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
  (runner as { query: (...args: unknown[]) => Promise<unknown> }).query = async (sql, ...rest) => {
    if (sql === 'START TRANSACTION') return undefined;
    if (sql === 'COMMIT' || sql === 'ROLLBACK') {
      const before = batch.before.splice(0);
      const after = batch.after.splice(0);
      if (!opened) return sendInOrder(runner, sql === 'COMMIT' ? after : [], pipelined);
      await opened.catch(() => undefined);
      const statements: Statement[] =
        sql === 'COMMIT' ? [...before, ['COMMIT', []], ...after] : [['ROLLBACK', []]];
      return sendInOrder(runner, statements, pipelined);
    }
    if (opened) {
      await opened;
      return sendThroughTypeorm(sql, ...rest);
    }
    const check = carryCallerCheck(runner);
    const opening = check ? begin.replace(/;|$/, (end) => `; ${check.sql}${end}`) : begin;
    const begins = sendInOrder(runner, [[opening, []]], pipelined);
    begins.catch(() => undefined); // its failure is the statements', reported below
    check?.settle(begins);
    opened = pipelined ? sentToDriver.get(begins)! : begins;
    if (!pipelined) {
      await begins;
      return sendThroughTypeorm(sql, ...rest);
    }
    await opened;
    const [, result] = await Promise.all([begins, sendThroughTypeorm(sql, ...rest)]);
    return result;
  };
  return batch;
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
