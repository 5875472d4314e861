import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';

export type IdempotencyState =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'mismatch' }
  | { kind: 'in_progress' };

/** How long a key is remembered, per user. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const WAIT_FOR_FIRST_MS = 10_000;

/**
 * Idempotency keys in PostgreSQL: the first request with a key claims it (one INSERT wins, even
 * under concurrency), later ones get the stored response, or wait for it while the first runs.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async begin(userId: string, key: string, requestHash: string): Promise<IdempotencyState> {
    await this.dataSource.query(
      'DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND expires_at < now()',
      [userId, key],
    );
    const claimed = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, requestHash, IDEMPOTENCY_TTL_HOURS],
    );
    if (claimed.length) return { kind: 'new' };
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const [row] = await this.dataSource.query<
        {
          requestHash: string;
          statusCode: number | null;
          responseBody: unknown;
          responseHeaders: Record<string, string> | null;
        }[]
      >(
        `SELECT request_hash AS "requestHash", status_code AS "statusCode", response_body AS "responseBody",
                response_headers AS "responseHeaders"
           FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key],
      );
      // The first request failed and released the key: this one may run.
      if (!row) return this.begin(userId, key, requestHash);
      if (row.requestHash !== requestHash) return { kind: 'mismatch' };
      if (row.statusCode !== null) {
        return {
          kind: 'replay',
          status: row.statusCode,
          body: row.responseBody,
          headers: row.responseHeaders ?? {},
        };
      }
      if (Date.now() > deadline) return { kind: 'in_progress' };
      await sleep(50);
    }
  }

  async complete(
    userId: string,
    key: string,
    status: number,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status_code = $3, response_body = $4, response_headers = $5 WHERE user_id = $1 AND key = $2`,
      [userId, key, status, JSON.stringify(body ?? null), JSON.stringify(headers)],
    );
  }

  /** A request that failed leaves nothing to replay: the key is free for a retry. */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status_code IS NULL',
      [userId, key],
    );
  }
}
