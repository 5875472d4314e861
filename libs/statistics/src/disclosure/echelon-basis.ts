import { gcd } from './rational';

/** A row of the basis: a primitive integer vector and the column of its leading entry. */
export interface BasisRow {
  readonly pivot: number;
  readonly row: readonly bigint[];
}

/**
 * An exact basis of a rational row space, kept fully reduced with integer (fraction-free)
 * arithmetic: every row is zero on the other rows' pivot columns. Pivots are taken in a fixed
 * column order, so the rows whose pivot lies in a trailing block of columns span the
 * intersection of the space with that block's coordinate subspace.
 */
export class EchelonBasis {
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
export function eliminate(
  target: readonly bigint[],
  row: readonly bigint[],
  pivot: number,
): bigint[] {
  const t = target[pivot];
  const r = row[pivot];
  return target.map((x, j) => x * r - t * row[j]);
}
