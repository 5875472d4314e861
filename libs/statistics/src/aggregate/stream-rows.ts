import { PoolClient, Query } from 'pg';
import { DataSource } from 'typeorm';
import { BEGIN_READ_ONLY_AS_SYSTEM, withinRowScope } from '@amparo/database';

type Row = Record<string, unknown>;

/**
 * Hands each result row to `onRow` as PostgreSQL sends it, keeping none: the rows are aggregates
 * (at most a table's cells, which StatisticsTables bounds), so memory stays flat whatever the
 * number of cases behind them. One Execute without a row limit rather than a server-side cursor:
 * PostgreSQL runs a cursor's plan single-threaded, while a plain statement may use its parallel
 * plan when the table is large enough, and needs no round trip per batch of rows. The embedded
 * PGlite has no row events; its results are read at once (it is for trying Amparo out).
 * Statistics aggregate whole countries: the system scope of row-level security, in a read-only
 * transaction; the query's own filters decide what is counted.
 */
export async function streamRows(
  dataSource: DataSource,
  embedded: boolean,
  sql: string,
  params: unknown[],
  onRow: (row: Row) => void,
): Promise<void> {
  if (embedded) {
    const rows: Row[] = await withinRowScope(dataSource, 'system', (m) => m.query(sql, params), {
      readOnly: true,
    });
    rows.forEach(onRow);
    return;
  }
  const runner = dataSource.createQueryRunner('slave');
  let client: PoolClient | undefined;
  try {
    client = (await runner.connect()) as PoolClient;
    await client.query(BEGIN_READ_ONLY_AS_SYSTEM);
    await new Promise<void>((resolve, reject) => {
      // With a 'row' listener and no callback, pg emits each row and does not accumulate them. A
      // failing onRow ends the wait only once the statement is over, so the connection goes back
      // to the pool idle.
      let failure: Error | undefined;
      const query = client!.query(new Query(sql, params));
      query.on('row', (row: Row) => {
        if (failure) return;
        try {
          onRow(row);
        } catch (error) {
          failure = error as Error;
        }
      });
      query.on('error', reject);
      query.on('end', () => (failure ? reject(failure) : resolve()));
    });
  } finally {
    await client?.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
