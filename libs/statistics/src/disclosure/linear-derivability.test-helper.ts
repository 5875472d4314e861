import { CountTable } from './count-table';
import { DisclosureResult } from './disclosure-result';

/**
 * An exact linear check written apart from the algorithm: a cell can be recomputed from the
 * published cells when adding its 0/1 row to theirs leaves the rank unchanged.
 */
export function derivableCells(table: CountTable, result: DisclosureResult): number[] {
  const rows = table.cells.map((cell) => {
    const row = Array<bigint>(table.innerCount).fill(0n);
    for (const i of cell.innerCells) row[i] = 1n;
    return row;
  });
  const published = rows.filter((_, i) => result.cells[i].status === 'published');
  const publishedRank = rank(published);
  return result.cells.flatMap((cell, i) =>
    cell.status !== 'published' && rank([...published, rows[i]]) === publishedRank ? [i] : [],
  );
}

/** Rank by integer Gaussian elimination: rows are cross-multiplied, never divided into fractions. */
export function rank(rows: readonly (readonly bigint[])[]): number {
  const m = rows.map((r) => [...r]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let col = 0; col < width && r < m.length; col++) {
    const p = m.findIndex((row, i) => i >= r && row[col] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p], m[r]];
    for (let i = r + 1; i < m.length; i++) {
      const factor = m[i][col];
      if (factor === 0n) continue;
      const pivot = m[r][col];
      m[i] = m[i].map((x, j) => x * pivot - factor * m[r][j]);
    }
    r++;
  }
  return r;
}
