import { DisclosureOptions } from './apply-disclosure-control';
import { CountTable, TableCell } from './count-table';
import { CellStatus, DISCLOSURE_METHOD, DisclosureResult } from './disclosure-result';

// The first implementation of applyDisclosureControl (dense bigint rows, every primary cell
// re-reduced after each publication, rational simplex), kept as it was but for the check of k, for
// tests that compare the sparse one with it. Far too slow for real tables: tests only.

/**
 * Suppresses every count from 1 to k - 1 (margins and totals included), then suppresses further
 * cells so that no such count can be recomputed from what is published (docs/disclosure.md).
 *
 * Each cell is a 0/1 row over the inner cells. Zeros are published; the other cells are taken
 * largest first and each is published unless, together with the cells already published:
 * - the row of a primary cell falls into their exact rational span (it could be recomputed), or
 * - the span holds a nonnegative combination of inner cells of 1 (the singleton rule below).
 * A refused cell is a secondary suppression. Zeros are never secondary suppressions: a zero margin
 * would pin its cells through non-negativity.
 */
export function referenceDisclosureControl(
  table: CountTable,
  options: DisclosureOptions,
): DisclosureResult {
  const { k } = options;
  const width = table.innerCount;
  const rowOf = (cell: TableCell): bigint[] => {
    const row = Array<bigint>(width).fill(0n);
    for (const i of cell.innerCells) row[i] = 1n;
    return row;
  };
  // Singleton rule. Zeros are always published, so everyone knows that each suppressed inner
  // cell holds at least 1, and cells of 1 sit on that bound. A derivable nonnegative combination
  // of cells of 1 (a + b = 2, or 2a + b = 3) pins them all at 1: the one person in such a cell
  // subtracts their own contribution and learns the others. So no nonzero nonnegative
  // combination of singletons may lie in the span (GaussSuppression's "anySum" asks this of
  // plain sums). Then, by linear-programming duality, the bounds pin no primary cell in rational
  // tables; in one and two dimensions (totally unimodular constraints) nor in integer tables,
  // while integrality alone can still, rarely, pin a cell of a three-dimensional table. Pivoting
  // on the other inner cells first makes the basis rows led by singleton columns span exactly
  // the derivable combinations of singletons.
  const singletons = new Set(table.innerValues.flatMap((n, i) => (n === 1 ? [i] : [])));
  const pivotOrder = [...table.innerValues.keys()].sort(
    (a, b) => Number(singletons.has(a)) - Number(singletons.has(b)) || a - b,
  );
  const basis = new EchelonBasis(pivotOrder);
  const status: CellStatus[] = table.cells.map((c) =>
    c.value > 0 && c.value < k ? 'primary' : 'published',
  );

  for (const cell of table.cells) {
    if (cell.value !== 0) continue;
    const reduced = basis.reduce(rowOf(cell));
    if (basis.leadingColumn(reduced) >= 0) basis.add(reduced);
  }
  let primaries = table.cells.flatMap((c, i) =>
    status[i] === 'primary' ? [basis.reduce(rowOf(c))] : [],
  );

  for (const i of candidateOrder(table.cells, status)) {
    const reduced = basis.reduce(rowOf(table.cells[i]));
    const pivot = basis.leadingColumn(reduced);
    if (pivot < 0) continue; // already derivable: publishing it tells nothing new
    // Reduced forms are canonical modulo the span, so a primary cell becomes derivable exactly
    // when its reduced row equals the candidate's.
    const revealsPrimary = primaries.some((p) => p.every((x, j) => x === reduced[j]));
    if (
      revealsPrimary ||
      (singletons.has(pivot) && revealsSingletonSum(basis, reduced, singletons, pivotOrder))
    ) {
      status[i] = 'secondary';
      continue;
    }
    basis.add(reduced);
    primaries = primaries.map((p) => basis.reduce(p));
  }

  return {
    method: DISCLOSURE_METHOD,
    k,
    dimensions: table.dimensions,
    cells: table.cells.map((cell, i) => ({
      coordinates: cell.coordinates,
      value: status[i] === 'published' ? cell.value : null,
      status: status[i],
    })),
  };
}

/** Largest first; among equal counts, the more aggregated cell, then table order. */
function candidateOrder(cells: readonly TableCell[], status: readonly CellStatus[]): number[] {
  const totals = (i: number) => cells[i].coordinates.filter((c) => c === null).length;
  return [...cells.keys()]
    .filter((i) => status[i] === 'published' && cells[i].value > 0)
    .sort((a, b) => cells[b].value - cells[a].value || totals(b) - totals(a) || a - b);
}

/**
 * Whether publishing `reduced` (led by a singleton column, hence zero on every other column)
 * would put a nonnegative combination of singletons into the span.
 */
function revealsSingletonSum(
  basis: EchelonBasis,
  reduced: readonly bigint[],
  singletons: ReadonlySet<number>,
  pivotOrder: readonly number[],
): boolean {
  const combined = new EchelonBasis(pivotOrder);
  for (const { row } of basis.rowsWithPivotIn(singletons)) combined.add(row);
  combined.add(reduced);
  return spanHasNonnegativeVector(combined.rowsWithPivotIn(singletons));
}

/** A row of the basis: a primitive integer vector and the column of its leading entry. */
interface BasisRow {
  readonly pivot: number;
  readonly row: readonly bigint[];
}

/**
 * An exact basis of a rational row space, kept fully reduced with integer (fraction-free)
 * arithmetic: every row is zero on the other rows' pivot columns. Pivots are taken in a fixed
 * column order, so the rows whose pivot lies in a trailing block of columns span the
 * intersection of the space with that block's coordinate subspace.
 */
class EchelonBasis {
  private readonly rows: BasisRow[] = [];

  constructor(private readonly pivotOrder: readonly number[]) {}

  get rank(): number {
    return this.rows.length;
  }

  /**
   * The canonical representative of `vector` modulo the span: zero on every pivot column,
   * primitive, leading entry positive. Zero exactly when the vector lies in the span.
   */
  reduce(vector: readonly bigint[]): bigint[] {
    let reduced = [...vector];
    for (const { pivot, row } of this.rows) {
      if (reduced[pivot] !== 0n) reduced = eliminate(reduced, row, pivot);
    }
    return this.normalize(reduced);
  }

  /** Adds a nonzero vector returned by `reduce` since the last `add`. */
  add(reduced: readonly bigint[]): void {
    const pivot = this.leadingColumn(reduced);
    if (pivot < 0) throw new Error('cannot add a zero vector to the basis');
    for (let i = 0; i < this.rows.length; i++) {
      const { pivot: p, row } = this.rows[i];
      if (row[pivot] !== 0n)
        this.rows[i] = { pivot: p, row: this.normalize(eliminate(row, reduced, pivot)) };
    }
    this.rows.push({ pivot, row: [...reduced] });
  }

  rowsWithPivotIn(columns: ReadonlySet<number>): BasisRow[] {
    return this.rows.filter((r) => columns.has(r.pivot));
  }

  /** First nonzero column in pivot order, or -1 for the zero vector. */
  leadingColumn(vector: readonly bigint[]): number {
    for (const column of this.pivotOrder) if (vector[column] !== 0n) return column;
    return -1;
  }

  private normalize(vector: bigint[]): bigint[] {
    const lead = this.leadingColumn(vector);
    if (lead < 0) return vector;
    let divisor = vector.reduce((g, x) => gcd(g, x), 0n);
    if (vector[lead] < 0n) divisor = -divisor;
    return divisor === 1n ? vector : vector.map((x) => x / divisor);
  }
}

/** `target` with column `pivot` cleared by an integer combination with `row` (row[pivot] != 0). */
function eliminate(target: readonly bigint[], row: readonly bigint[], pivot: number): bigint[] {
  const t = target[pivot];
  const r = row[pivot];
  return target.map((x, j) => x * r - t * row[j]);
}

/**
 * Whether the span of `rows` holds a nonzero vector with no negative entry. The rows must be
 * fully reduced (each zero on the other rows' pivot columns), so a vector of the span is
 * fixed by its entries on the pivots, lambda: the question is whether some lambda >= 0 summing
 * to 1 makes every other column >= 0, a linear feasibility problem solved exactly.
 */
function spanHasNonnegativeVector(rows: readonly BasisRow[]): boolean {
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

/** An exact rational number: a reduced fraction with a positive denominator. */
interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const ZERO: Rational = { n: 0n, d: 1n };

function rational(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError('zero denominator');
  const g = gcd(n, d);
  const sign = d < 0n ? -1n : 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

const sub = (a: Rational, b: Rational) => rational(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
const div = (a: Rational, b: Rational) => rational(a.n * b.d, a.d * b.n);
const compare = (a: Rational, b: Rational) => Math.sign(Number(a.n * b.d - b.n * a.d));

/** The greatest common divisor, never negative; gcd(0, 0) = 0. */
function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
