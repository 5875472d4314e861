import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { deferBegin, queueWithCommit, registerCommitBatch } from './pipelined-transaction';
import { rowScopedTransactions } from './row-scope-context';
import { readWithCallerCheck } from './caller-check';
import { pipelinedDriver } from './pipelined-driver';

/** How long a key is remembered, per user. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/** How long a request waits for another one holding the same key before giving up (409). */
const WAIT_FOR_FIRST = '10s';

export interface IdempotencyClaim {
  readonly userId: string;
  readonly key: string;
  readonly requestHash: string;
}

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

export type IdempotencyOutcome =
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'done'; body: unknown };

/** Another request holds the key and did not finish within the wait. */
export class IdempotencyKeyInProgress extends Error {
  constructor() {
    super('Another request holds this idempotency key');
  }
}

/** Another request committed with the key while this one waited for it. */
class IdempotencyKeyTaken extends Error {}

interface IdempotencyScope {
  readonly claim: IdempotencyClaim;
  runner?: QueryRunner;
}

const scopes = new AsyncLocalStorage<IdempotencyScope>();

/** Whether the current work runs inside a request with an Idempotency-Key. */
export function inIdempotentRequest(): boolean {
  return scopes.getStore() !== undefined;
}

/**
 * Runs `work` in a database transaction. Inside a request with an Idempotency-Key, every call
 * shares the request's one transaction, which begins by claiming the key and commits only together
 * with the stored response (see IdempotencyStore.execute). Inside a transaction with the wall up
 * (row-security.ts), `work` joins it.
 */
export async function transactional<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const walled = rowScopedTransactions.getStore();
  if (walled) return work(walled);
  const scope = scopes.getStore();
  if (!scope) return dataSource.transaction(work);
  if (!scope.runner) {
    const runner = dataSource.createQueryRunner();
    scope.runner = runner;
    const batch = deferBegin(runner, 'START TRANSACTION', pipelinedDriver(dataSource));
    registerCommitBatch(runner.manager, batch, false);
    await runner.startTransaction();
    // The work goes out right behind the claim of the key (in its round trip where the driver
    // pipelines), but counts only once the key is claimed: a key taken or held by another request
    // answers so, whatever the work did (its transaction then rolls back).
    const claimed = claim(runner, scope.claim);
    claimed.catch(() => undefined);
    const working = work(runner.manager);
    working.catch(() => undefined);
    await claimed;
    return working;
  }
  return work(scope.runner.manager);
}

/**
 * The key is inserted in the transaction of the work it guards. A concurrent request with the same
 * key blocks on it until this transaction ends: it then sees the committed response, or, when this
 * one rolled back (a failure, a crash, a dropped connection), claims the key itself. So a key is
 * never left claimed by a request that is gone.
 */
async function claim(runner: QueryRunner, { userId, key, requestHash }: IdempotencyClaim) {
  // Sent one behind the other without waiting (with the BEGIN, in one round trip where the driver
  // pipelines): each runs only if the ones before it did, as a failure ends the transaction.
  const statements = [
    // Rows without a response can only be left by versions that claimed keys on their own.
    runner.query(
      `DELETE FROM idempotency_keys
        WHERE user_id = $1 AND key = $2 AND (expires_at < now() OR status_code IS NULL)`,
      [userId, key],
    ),
    runner.query(`SELECT set_config('lock_timeout', $1, true)`, [WAIT_FOR_FIRST]),
    runner.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, requestHash, IDEMPOTENCY_TTL_HOURS],
    ) as Promise<unknown[]>,
    runner.query(`SELECT set_config('lock_timeout', '0', true)`),
  ] as const;
  let claimed: unknown[];
  try {
    [, , claimed] = await Promise.all(statements);
  } catch (error) {
    if (sqlState(error) === '55P03') throw new IdempotencyKeyInProgress();
    throw error;
  }
  if (!claimed.length) throw new IdempotencyKeyTaken();
}

function sqlState(error: unknown): unknown {
  return (error as { driverError?: { code?: unknown } }).driverError?.code;
}

/**
 * Idempotency keys in PostgreSQL, per user: the first request with a key runs, and its response is
 * stored in the same transaction as its work; later ones with the same key and body get that
 * response, and ones with another body are refused.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `handler` under the key: its writes (through `transactional`) and the response that
   * `respond` describes commit together, or not at all. A request that finds the key already used
   * gets the stored response back (`replay`) or `mismatch` when its body differs.
   */
  async execute(
    claimed: IdempotencyClaim,
    handler: () => Promise<unknown>,
    respond: () => Omit<StoredResponse, 'body'>,
  ): Promise<IdempotencyOutcome> {
    const used = await this.lookup(claimed);
    if (used) return used;
    const scope: IdempotencyScope = { claim: claimed };
    try {
      const body = await scopes.run(scope, handler);
      if (scope.runner) {
        const { status, headers } = respond();
        // Stored in the round trip of the COMMIT, in the transaction.
        queueWithCommit(
          scope.runner.manager,
          `UPDATE idempotency_keys SET status_code = $3, response_body = $4, response_headers = $5
            WHERE user_id = $1 AND key = $2`,
          [
            claimed.userId,
            claimed.key,
            status,
            JSON.stringify(body ?? null),
            JSON.stringify(headers),
          ],
        );
        await scope.runner.commitTransaction();
      }
      return { kind: 'done', body };
    } catch (error) {
      if (scope.runner?.isTransactionActive)
        await scope.runner.rollbackTransaction().catch(() => undefined);
      // The connection goes back before the lookup: a request holding one while it waits for
      // another could exhaust the pool when many retries of one key arrive together.
      await this.release(scope);
      if (error instanceof IdempotencyKeyTaken) {
        const used = await this.lookup(claimed);
        if (used) return used;
        throw new IdempotencyKeyInProgress();
      }
      throw error;
    } finally {
      await this.release(scope);
    }
  }

  private async release(scope: IdempotencyScope): Promise<void> {
    if (scope.runner && !scope.runner.isReleased) await scope.runner.release();
  }

  private async lookup({ userId, key, requestHash }: IdempotencyClaim) {
    // The request's first statement: it carries the check of a cached caller (caller-check.ts).
    const [row] = await readWithCallerCheck<{
      requestHash: string;
      statusCode: number;
      responseBody: unknown;
      responseHeaders: Record<string, string> | null;
    }>(
      this.dataSource,
      `SELECT request_hash AS "requestHash", status_code AS "statusCode", response_body AS "responseBody",
              response_headers AS "responseHeaders"
         FROM idempotency_keys
        WHERE user_id = $1 AND key = $2 AND expires_at >= now() AND status_code IS NOT NULL`,
      [userId, key],
    );
    if (!row) return undefined;
    if (row.requestHash !== requestHash) return { kind: 'mismatch' } as const;
    const response = {
      status: row.statusCode,
      body: row.responseBody,
      headers: row.responseHeaders ?? {},
    };
    return { kind: 'replay', response } as const;
  }
}
