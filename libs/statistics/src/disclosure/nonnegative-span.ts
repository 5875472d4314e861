import { BasisRow } from './echelon-basis';
import { Rational, ZERO, compare, div, mul, rational, sub } from './rational';

/**
 * Whether the span of `rows` holds a nonzero vector with no negative entry. The rows must be
 * fully reduced (each zero on the other rows' pivot columns), so a vector of the span is
 * fixed by its entries on the pivots, lambda: the question is whether some lambda >= 0 summing
 * to 1 makes every other column >= 0, a linear feasibility problem solved exactly.
 */
export function spanHasNonnegativeVector(rows: readonly BasisRow[]): boolean {
  if (rows.length === 0) return false;
  const pivots = new Set(rows.map((r) => r.pivot));
  const freeColumns = [...rows[0].row.keys()].filter(
    (f) => !pivots.has(f) && rows.some((r) => r.row[f] !== 0n),
  );
  // Unknowns: lambda (one per row), then a surplus per free column. Equations:
  // sum_i lambda_i row_i[f] / row_i[pivot] - surplus_f = 0 for each free column f; sum lambda = 1.
  const width = rows.length + freeColumns.length;
  const equations: Rational[][] = freeColumns.map((f, e) => [
    ...rows.map((r) => rational(r.row[f], r.row[r.pivot])),
    ...freeColumns.map((_, g) => (g === e ? rational(-1n) : ZERO)),
  ]);
  equations.push([...rows.map(() => rational(1n)), ...freeColumns.map(() => ZERO)]);
  const rhs = [...freeColumns.map(() => ZERO), rational(1n)];
  return isFeasible(equations, rhs, width);
}

/**
 * Phase one of the simplex method in exact arithmetic, with Bland's rule against cycling:
 * whether A x = b has a solution with x >= 0 (b >= 0 here).
 */
function isFeasible(a: Rational[][], b: Rational[], width: number): boolean {
  const m = a.length;
  // Tableau columns: the unknowns, one artificial per equation, then the right-hand side.
  const tableau = a.map((row, i) => [
    ...row,
    ...a.map((_, j) => rational(i === j ? 1n : 0n)),
    b[i],
  ]);
  const basic = a.map((_, i) => width + i);
  const cost = tableau[0].map((_, j) =>
    j >= width && j < width + m ? ZERO : tableau.reduce((s, row) => sub(s, row[j]), ZERO),
  );
  const rhs = width + m;
  for (;;) {
    const entering = cost.findIndex((c, j) => j < rhs && compare(c, ZERO) < 0);
    if (entering < 0) return compare(cost[rhs], ZERO) === 0;
    let leaving = -1;
    for (let i = 0; i < m; i++) {
      if (compare(tableau[i][entering], ZERO) <= 0) continue;
      if (leaving < 0) {
        leaving = i;
        continue;
      }
      const order = compare(
        div(tableau[i][rhs], tableau[i][entering]),
        div(tableau[leaving][rhs], tableau[leaving][entering]),
      );
      if (order < 0 || (order === 0 && basic[i] < basic[leaving])) leaving = i;
    }
    if (leaving < 0) throw new Error('phase one of the simplex method cannot be unbounded');
    pivotOn(tableau, cost, leaving, entering);
    basic[leaving] = entering;
  }
}

function pivotOn(tableau: Rational[][], cost: Rational[], row: number, column: number): void {
  const factor = tableau[row][column];
  tableau[row] = tableau[row].map((x) => div(x, factor));
  const pivotRow = tableau[row];
  const clear = (target: Rational[]) => {
    const t = target[column];
    if (compare(t, ZERO) === 0) return target;
    return target.map((x, j) => sub(x, mul(t, pivotRow[j])));
  };
  tableau.forEach((r, i) => {
    if (i !== row) tableau[i] = clear(r);
  });
  const cleared = clear(cost);
  cost.splice(0, cost.length, ...cleared);
}
