import { CountTable } from './count-table';

/** A table with dimensions d0, d1, … whose codes are a, b, c, … (d0), f, g, … (d1), k, l, … (d2). */
export function tableOf(sizes: readonly number[], counts: readonly number[]): CountTable {
  const dimensions = sizes.map((size, d) => ({
    name: `d${d}`,
    codes: Array.from({ length: size }, (_, i) => String.fromCharCode(97 + 5 * d + i)),
  }));
  return CountTable.fromCounts(dimensions, counts);
}

export function matrix(rows: readonly (readonly number[])[]): CountTable {
  return tableOf([rows.length, rows[0].length], rows.flat());
}
