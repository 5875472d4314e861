import { DisclosureInputError } from './disclosure-input.error';

export interface TableDimension {
  readonly name: string;
  readonly codes: readonly string[];
}

/** One category code per dimension, or null where the cell is the total over that dimension. */
export type CellCoordinates = readonly (string | null)[];

export interface TableCell {
  readonly coordinates: CellCoordinates;
  readonly value: number;
  /** Indices (row-major) of the inner cells that this cell adds up; an inner cell lists itself. */
  readonly innerCells: readonly number[];
}

const MAX_DIMENSIONS = 3;

/**
 * A table of counts with up to three dimensions: one inner cell per combination of codes and
 * every margin (each partial sum over any subset of the dimensions, down to the grand total),
 * computed from the inner cells. `cells` runs in row-major order over each dimension's codes
 * followed by its total.
 */
export class CountTable {
  private constructor(
    readonly dimensions: readonly TableDimension[],
    readonly innerValues: readonly number[],
    readonly cells: readonly TableCell[],
  ) {}

  /** `counts` holds the inner cells in row-major order (the last dimension varies fastest). */
  static fromCounts(dimensions: readonly TableDimension[], counts: readonly number[]): CountTable {
    assertDimensions(dimensions);
    const sizes = dimensions.map((d) => d.codes.length);
    const innerCount = sizes.reduce((a, b) => a * b, 1);
    if (counts.length !== innerCount) {
      invalid(`expected ${innerCount} inner counts, got ${counts.length}`);
    }
    counts.forEach((n, i) => {
      if (!Number.isSafeInteger(n) || n < 0) invalid(`inner count ${i} is not a count: ${n}`);
    });
    const cells: TableCell[] = [];
    for (const position of rowMajorPositions(sizes.map((s) => s + 1))) {
      const innerCells = innerIndicesAt(position, sizes);
      cells.push({
        coordinates: position.map((p, d) => (p === sizes[d] ? null : dimensions[d].codes[p])),
        value: innerCells.reduce((sum, i) => sum + counts[i], 0),
        innerCells,
      });
    }
    return new CountTable(
      dimensions.map((d) => ({ name: d.name, codes: [...d.codes] })),
      [...counts],
      cells,
    );
  }

  get innerCount(): number {
    return this.innerValues.length;
  }

  /** Index in `cells` of the cell at these coordinates, or -1. */
  indexOf(coordinates: CellCoordinates): number {
    return this.cells.findIndex((cell) => cell.coordinates.every((c, d) => c === coordinates[d]));
  }
}

function assertDimensions(dimensions: readonly TableDimension[]): void {
  if (dimensions.length < 1 || dimensions.length > MAX_DIMENSIONS) {
    invalid(`a table has 1 to ${MAX_DIMENSIONS} dimensions, got ${dimensions.length}`);
  }
  if (new Set(dimensions.map((d) => d.name)).size !== dimensions.length) {
    invalid('dimension names must be distinct');
  }
  for (const { name, codes } of dimensions) {
    if (codes.length === 0) invalid(`dimension ${name} has no codes`);
    if (new Set(codes).size !== codes.length) invalid(`dimension ${name} repeats a code`);
  }
}

/** Every position of a grid of these extents, row-major (the last dimension varies fastest). */
function* rowMajorPositions(extents: readonly number[]): Generator<number[]> {
  const position = extents.map(() => 0);
  for (;;) {
    yield [...position];
    let d = extents.length - 1;
    while (d >= 0 && ++position[d] === extents[d]) position[d--] = 0;
    if (d < 0) return;
  }
}

/** Row-major, ascending: a dimension runs over all its codes where the cell is its total. */
function innerIndicesAt(position: readonly number[], sizes: readonly number[]): number[] {
  let indices = [0];
  sizes.forEach((size, d) => {
    const next: number[] = [];
    for (const index of indices) {
      if (position[d] !== size) next.push(index * size + position[d]);
      else for (let p = 0; p < size; p++) next.push(index * size + p);
    }
    indices = next;
  });
  return indices;
}

function invalid(message: string): never {
  throw new DisclosureInputError('COUNT_TABLE_INVALID', message);
}
