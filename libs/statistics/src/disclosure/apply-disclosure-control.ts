import { CountTable, TableCell } from './count-table';
import { DisclosureInputError } from './disclosure-input.error';
import { CellStatus, DISCLOSURE_METHOD, DisclosureResult } from './disclosure-result';
import { IntegerArithmetic, withExactIntegers, withExactIntegersAsync } from './integer-arithmetic';
import { spanHasNonnegativeVector } from './nonnegative-span';
import { ReducedRowBasis } from './reduced-row-basis';
import { runAtOnce, runInSlices, Steps } from './stepwise';

export const MIN_THRESHOLD = 3;

export interface DisclosureOptions {
  /** Counts from 1 to k - 1 are suppressed. */
  readonly k: number;
}

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
export function applyDisclosureControl(
  table: CountTable,
  options: DisclosureOptions,
): DisclosureResult {
  const k = checkedThreshold(options);
  const status = withExactIntegers((arithmetic) => runAtOnce(suppress(table, k, arithmetic)));
  return resultOf(table, k, status);
}

/**
 * `applyDisclosureControl` for a server's event loop: the same result, computed in slices of
 * about `sliceMs` with the event loop handed back between them. A large table takes seconds (a
 * 10,000-cell table with many small counts, 2–3 s on a 2-core server); in one piece, it would
 * hold up every other request of the process meanwhile.
 */
export async function applyDisclosureControlInSlices(
  table: CountTable,
  options: DisclosureOptions,
  sliceMs = 10,
): Promise<DisclosureResult> {
  const k = checkedThreshold(options);
  const status = await withExactIntegersAsync((arithmetic) =>
    runInSlices(suppress(table, k, arithmetic), sliceMs),
  );
  return resultOf(table, k, status);
}

function checkedThreshold({ k }: DisclosureOptions): number {
  if (!Number.isSafeInteger(k) || k < MIN_THRESHOLD) {
    throw new DisclosureInputError(
      'DISCLOSURE_THRESHOLD_TOO_LOW',
      `the disclosure threshold k must be an integer of at least ${MIN_THRESHOLD}, got ${k}`,
    );
  }
  return k;
}

function resultOf(table: CountTable, k: number, status: readonly CellStatus[]): DisclosureResult {
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

/**
 * The status of every cell, decided as applyDisclosureControl says, in exact integers; a step per
 * cell taken into account.
 */
function* suppress<T extends number | bigint>(
  table: CountTable,
  k: number,
  arithmetic: IntegerArithmetic<T>,
): Steps<CellStatus[]> {
  // Singleton rule. Zeros are always published, so everyone knows that each suppressed inner
  // cell holds at least 1, and cells of 1 sit on that bound. A derivable nonnegative combination
  // of cells of 1 (a + b = 2, or 2a + b = 3) pins them all at 1: the one person in such a cell
  // subtracts their own contribution and learns the others. So no nonzero nonnegative
  // combination of singletons may lie in the span (GaussSuppression's "anySum" asks this of
  // plain sums). Then, by linear-programming duality, the bounds pin no primary cell in rational
  // tables; in one and two dimensions (totally unimodular constraints) nor in integer tables,
  // while integrality alone can still, rarely, pin a cell of a three-dimensional table. Holding
  // the singleton columns back as pivots makes the basis rows led by them span exactly the
  // derivable combinations of singletons.
  const singletons = new Set(table.innerValues.flatMap((n, i) => (n === 1 ? [i] : [])));
  const basis = new ReducedRowBasis(arithmetic, singletons);
  const status: CellStatus[] = table.cells.map((c) =>
    c.value > 0 && c.value < k ? 'primary' : 'published',
  );

  for (const cell of table.cells) {
    if (cell.value !== 0) continue;
    const reduced = basis.reduceOnes(cell.innerCells);
    if (reduced.size > 0) basis.add(reduced);
    yield;
  }
  // Residues are canonical up to a factor modulo the span, so a primary cell becomes derivable
  // exactly when the residue of the cell published next is a multiple of its own.
  for (const [i, cell] of table.cells.entries()) {
    if (status[i] !== 'primary') continue;
    basis.watch(rowOf(cell, arithmetic.one));
    yield;
  }

  for (const i of candidateOrder(table.cells, status)) {
    yield;
    const reduced = basis.reduceOnes(table.cells[i].innerCells);
    if (reduced.size === 0) continue; // already derivable: publishing it tells nothing new
    if (
      basis.hasWatchedMultipleOf(reduced) ||
      (allIn(reduced, singletons) && revealsSingletonSum(basis, reduced, singletons, arithmetic))
    ) {
      status[i] = 'secondary';
      continue;
    }
    basis.add(reduced);
  }
  return status;
}

/** Largest first; among equal counts, the more aggregated cell, then table order. */
function candidateOrder(cells: readonly TableCell[], status: readonly CellStatus[]): number[] {
  const totals = cells.map((cell) => cell.coordinates.filter((c) => c === null).length);
  return [...cells.keys()]
    .filter((i) => status[i] === 'published' && cells[i].value > 0)
    .sort((a, b) => cells[b].value - cells[a].value || totals[b] - totals[a] || a - b);
}

function allIn(vector: ReadonlyMap<number, unknown>, columns: ReadonlySet<number>): boolean {
  for (const column of vector.keys()) if (!columns.has(column)) return false;
  return true;
}

/** The cell's 0/1 row over the inner cells. */
function rowOf<T>(cell: TableCell, one: T): Map<number, T> {
  return new Map(cell.innerCells.map((i) => [i, one]));
}

/**
 * Whether publishing `reduced` (zero off the singleton columns) would put a nonnegative
 * combination of singletons into the span. The span held none so far, so such a combination
 * involves `reduced`, and only the rows of singletons linked to it through shared columns.
 */
function revealsSingletonSum<T extends number | bigint>(
  basis: ReducedRowBasis<T>,
  reduced: ReadonlyMap<number, T>,
  singletons: ReadonlySet<number>,
  arithmetic: IntegerArithmetic<T>,
): boolean {
  const combined = new ReducedRowBasis(arithmetic, singletons);
  for (const { entries } of basis.heldBackRowsLinkedTo(reduced))
    combined.add(combined.reduce(entries));
  combined.add(combined.reduce(reduced));
  return spanHasNonnegativeVector(combined.allRows());
}
