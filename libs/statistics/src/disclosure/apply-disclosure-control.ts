import { CountTable, TableCell } from './count-table';
import { DisclosureInputError } from './disclosure-input.error';
import { CellStatus, DISCLOSURE_METHOD, DisclosureResult } from './disclosure-result';
import { EchelonBasis } from './echelon-basis';
import { spanHasNonnegativeVector } from './nonnegative-span';

export const MIN_THRESHOLD = 3;

export interface DisclosureOptions {
  /** Counts from 1 to k - 1 are suppressed. */
  readonly k: number;
}

/**
 * Suppresses every count from 1 to k - 1 (margins and totals included), then suppresses further
 * cells so that no such count can be recomputed from what is published (DISCLOSURE.md).
 *
 * Each cell is a 0/1 row over the inner cells. Zeros are published; the other cells are taken
 * largest first and each is published unless, together with the cells already published:
 * - the row of a primary cell falls into their exact rational span (it could be recomputed), or
 * - the span holds a nonnegative combination of inner cells of 1 (the singleton rule below).
 * A refused cell is a secondary suppression. Zeros are never secondary suppressions: a zero margin
 * would pin its cells through non-negativity.
 */
export function applyDisclosureControl(
  table: CountTable,
  options: DisclosureOptions,
): DisclosureResult {
  const { k } = options;
  if (!Number.isSafeInteger(k) || k < MIN_THRESHOLD) {
    throw new DisclosureInputError(
      'DISCLOSURE_THRESHOLD_TOO_LOW',
      `the disclosure threshold k must be an integer of at least ${MIN_THRESHOLD}, got ${k}`,
    );
  }
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
