import { IntegerArithmetic, withExactIntegers } from './integer-arithmetic';

/**
 * Whether A u >= b has a solution with u >= 0, for integers with b > 0: phase one of the simplex
 * method on A u - s + a = b (s surplus, a artificial), with Bland's rule against cycling, in exact
 * integer arithmetic.
 */
export function hasNonnegativeSolution(
  a: readonly (readonly bigint[])[],
  b: readonly bigint[],
): boolean {
  return withExactIntegers((arithmetic) => phaseOne(a, b, arithmetic));
}

/** Past this, a row is divided by the gcd of its entries and its denominator. */
const LARGE_DENOMINATOR = 2 ** 20;

function phaseOne<T extends number | bigint>(
  a: readonly (readonly bigint[])[],
  b: readonly bigint[],
  arithmetic: IntegerArithmetic<T>,
): boolean {
  const { zero, one, minusOne, of, product, cross, gcd, quotient } = arithmetic;
  const m = a.length;
  const n = a[0].length;
  // Row i of the tableau is rows[i] / denominators[i], the denominator positive, so that a row
  // with a zero in the entering column is left alone by a pivot. Columns: u (n), s (m), the
  // right-hand side. The artificials are left out: each starts basic in its row, and one that
  // leaves the basis is never needed again. The last row is the cost of phase one, the sum of
  // the artificials, written in the nonbasic columns.
  const rhs = n + m;
  const rows: T[][] = a.map((row, i) => [
    ...row.map(of),
    ...a.map((_, j) => (i === j ? minusOne : zero)),
    of(b[i]),
  ]);
  rows.push(rows[0].map((_, j) => rows.reduce((sum, row) => cross(one, sum, one, row[j]), zero)));
  const cost = rows[m];
  const denominators = rows.map(() => one);
  // Basic variable of each row, numbered as columns; the artificials come after the rest.
  const basic = a.map((_, i) => rhs + 1 + i);
  for (;;) {
    const entering = cost.findIndex((c, j) => j < rhs && c < zero);
    if (entering < 0) return cost[rhs] === zero;
    let leaving = -1;
    for (let i = 0; i < m; i++) {
      const x = rows[i][entering];
      if (x <= zero) continue;
      if (leaving < 0) {
        leaving = i;
        continue;
      }
      // Ratios rhs / entering compared across rows; the denominators cancel.
      const order = cross(rows[i][rhs], rows[leaving][entering], rows[leaving][rhs], x);
      if (order < zero || (order === zero && basic[i] < basic[leaving])) leaving = i;
    }
    if (leaving < 0) throw new Error('phase one of the simplex method cannot be unbounded');
    const pivotRow = rows[leaving];
    const pivot = pivotRow[entering];
    for (let i = 0; i <= m; i++) {
      const row = rows[i];
      const factor = row[entering];
      if (i === leaving || factor === zero) continue;
      for (let j = 0; j <= rhs; j++) row[j] = cross(pivot, row[j], factor, pivotRow[j]);
      denominators[i] = product(denominators[i], pivot);
      if (denominators[i] > LARGE_DENOMINATOR) {
        const divisor = row.reduce((g, x) => gcd(g, x), denominators[i]);
        for (let j = 0; j <= rhs; j++) row[j] = quotient(row[j], divisor);
        denominators[i] = quotient(denominators[i], divisor);
      }
    }
    denominators[leaving] = pivot;
    basic[leaving] = entering;
  }
}
