import { DataSource } from 'typeorm';

type Row = Record<string, unknown>;

/**
 * Hands each result row to `onRow` as PostgreSQL sends it (pg-query-stream, a server-side cursor),
 * so a large result is never held whole. The embedded PGlite has no cursor streaming; its results
 * are read at once (it is for trying Amparo out, not for national volumes).
 */
export async function streamRows(
  dataSource: DataSource,
  embedded: boolean,
  sql: string,
  params: unknown[],
  onRow: (row: Row) => void,
): Promise<void> {
  if (embedded) {
    const rows: Row[] = await dataSource.query(sql, params);
    rows.forEach(onRow);
    return;
  }
  const runner = dataSource.createQueryRunner('slave');
  try {
    const stream = await runner.stream(sql, params);
    for await (const row of stream) onRow(row as Row);
  } finally {
    await runner.release();
  }
}
