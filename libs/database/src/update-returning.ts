import { EntityManager } from 'typeorm';

/**
 * Rows of an `UPDATE … RETURNING` or `DELETE … RETURNING`. TypeORM's `query` answers those with
 * `[rows, rowCount]` instead of the rows, an easy trap for atomic compare-and-set updates.
 */
export async function updateReturning<R>(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<R[]> {
  const result = await manager.query<[R[], number] | R[]>(sql, params);
  return Array.isArray(result[0]) ? (result[0] as R[]) : (result as R[]);
}
