import { BIGINTS } from './integer-arithmetic';
import { hasNonnegativeSolution } from './integer-simplex';
import { BasisRow } from './reduced-row-basis';

/**
 * Whether the span of `rows` holds a nonzero vector with no negative entry. The rows must be
 * fully reduced (each zero on the other rows' pivot columns), so a vector of the span is
 * sum_i mu_i row_i with entry mu_i row_i[pivot_i] on pivot i: with each row signed so that its
 * pivot entry d_i is positive, the question is whether some mu >= 0, mu != 0, makes every other
 * (free) column >= 0. By Farkas' lemma that fails exactly when some u >= 0 over the free columns
 * has sum_f row_i[f] u_f <= -d_i for every row i: one constraint per row, where the direct
 * question has one per free column, a feasibility problem solved exactly.
 */
export function spanHasNonnegativeVector(rows: readonly BasisRow<number | bigint>[]): boolean {
  if (rows.length === 0) return false;
  const bigRows = rows.map(({ pivot, entries }) => ({
    pivot,
    entries: new Map([...entries].map(([column, x]) => [column, BigInt(x)])),
  }));
  const signs = bigRows.map((r) => (r.entries.get(r.pivot)! > 0n ? 1n : -1n));
  // The common case: one of the rows is such a vector.
  if (bigRows.some((r, i) => [...r.entries.values()].every((x) => signs[i] * x > 0n))) return true;
  // The free columns, as (row, signed entry) lists.
  const pivots = new Set(bigRows.map((r) => r.pivot));
  const freeColumns = new Map<number, [number, bigint][]>();
  bigRows.forEach((r, i) => {
    for (const [f, x] of r.entries) {
      if (pivots.has(f)) continue;
      const column = freeColumns.get(f);
      if (column) column.push([i, signs[i] * x]);
      else freeColumns.set(f, [[i, signs[i] * x]]);
    }
  });
  // A free column with no negative entry is nonnegative for every mu >= 0, and columns that are
  // positive multiples of each other ask the same: only the distinct others constrain mu.
  const constraining = new Map<string, [number, bigint][]>();
  for (const column of freeColumns.values()) {
    if (column.every(([, x]) => x > 0n)) continue;
    const divisor = column.reduce((g, [, x]) => BIGINTS.gcd(g, x), 0n);
    const primitive = column.map(([i, x]): [number, bigint] => [i, x / divisor]);
    constraining.set(primitive.join(), primitive);
  }
  const columns = [...constraining.values()];
  const a = bigRows.map(() => columns.map(() => 0n));
  columns.forEach((column, f) => column.forEach(([i, x]) => (a[i][f] = -x)));
  const b = bigRows.map((r) => BIGINTS.abs(r.entries.get(r.pivot)!));
  return !hasNonnegativeSolution(a, b);
}
