import { IntegerArithmetic } from './integer-arithmetic';

/** A sparse integer vector: column to entry, zero entries left out. */
export type SparseVector<T> = Map<number, T>;

/** A row of the basis: the column of its pivot and its entries, the pivot's included. */
export interface BasisRow<T> {
  readonly pivot: number;
  readonly entries: ReadonlyMap<number, T>;
}

/** A row of the basis, or (pivot -1) a watched vector's residue modulo the span. */
class Line<T> implements BasisRow<T> {
  constructor(
    readonly pivot: number,
    readonly entries: SparseVector<T>,
  ) {}
}

/**
 * An exact basis of a rational row space, kept fully reduced with integer (fraction-free)
 * arithmetic on sparse rows: every row is zero on the other rows' pivot columns. Columns held back
 * become pivots only of vectors that are zero elsewhere, so the rows with a held-back pivot span
 * the intersection of the space with the held-back columns' coordinate subspace. Otherwise the
 * pivot is the column in the fewest rows, which keeps the rows sparse.
 *
 * Rows are scaled freely (a residue stands for all its nonzero multiples), and made primitive
 * only after a step that multiplied them, which keeps entries small without scanning a whole row
 * each time one of its columns is dropped.
 */
export class ReducedRowBasis<T extends number | bigint> {
  /**
   * Columns whose unit vector lies in the span. Their rows are kept as this flag alone: adding a
   * unit vector, the common step of a table's publication, then only drops a column elsewhere.
   */
  private readonly known = new ColumnSlots<true>();
  private readonly knownColumns: number[] = [];
  /** The rows by pivot, for lookups; `rowList` keeps them in the order they were added. */
  private readonly rows = new ColumnSlots<Line<T>>();
  private readonly rowList = new Set<Line<T>>();
  /** For each column that is no pivot, the rows and the watched residues nonzero there. */
  private readonly rowsAt = new ColumnSlots<Set<Line<T>>>();
  private readonly watchersAt = new ColumnSlots<Set<Line<T>>>();
  /** Columns whose unit vectors are watched. */
  private readonly watchedColumns = new Set<number>();

  constructor(
    private readonly arithmetic: IntegerArithmetic<T>,
    private readonly heldBack: ReadonlySet<number>,
  ) {}

  /**
   * A representative of `vector` modulo the span that is zero on every pivot column: the same
   * up to a nonzero factor for vectors that differ by a member of the span, empty exactly when
   * the vector lies in the span.
   */
  reduce(vector: ReadonlyMap<number, T>): SparseVector<T> {
    const residue: SparseVector<T> = new Map();
    const pivotRows: Line<T>[] = [];
    const factors: T[] = [];
    vector.forEach((x, column) => {
      if (this.known.get(column)) return;
      const row = this.rows.get(column);
      if (!row) {
        residue.set(column, x);
      } else {
        pivotRows.push(row);
        factors.push(x);
      }
    });
    return this.clearPivots(residue, pivotRows, factors);
  }

  /** `reduce` of the vector that is 1 on `columns` and 0 elsewhere (a cell of a count table). */
  reduceOnes(columns: readonly number[]): SparseVector<T> {
    const { one } = this.arithmetic;
    const residue: SparseVector<T> = new Map();
    const pivotRows: Line<T>[] = [];
    for (const column of columns) {
      if (this.known.get(column)) continue;
      const row = this.rows.get(column);
      if (!row) residue.set(column, one);
      else pivotRows.push(row);
    }
    return this.clearPivots(residue, pivotRows, null);
  }

  /** Clears from `residue` each row's pivot times its factor (1 where `factors` is null). */
  private clearPivots(
    residue: SparseVector<T>,
    pivotRows: readonly Line<T>[],
    factors: readonly T[] | null,
  ): SparseVector<T> {
    const { one, abs, product, quotient, divides, gcd } = this.arithmetic;
    // Rows are zero on each other's pivots, so each pivot is cleared by its own row alone:
    // residue = scale * (vector - sum of x / row[pivot] * row).
    let scale = one;
    for (let i = 0; i < pivotRows.length; i++) {
      const row = pivotRows[i];
      const x = factors ? factors[i] : one;
      const a = row.entries.get(row.pivot)!;
      let t = product(x, scale);
      if (!divides(a, t)) {
        const m = abs(quotient(a, gcd(a, t)));
        residue.forEach((y, column) => residue.set(column, product(y, m)));
        scale = product(scale, m);
        t = product(t, m);
      }
      const f = quotient(t, a);
      row.entries.forEach((y, column) => {
        if (column !== row.pivot) this.subtract(residue, column, f, y);
      });
    }
    return this.makePrimitive(residue);
  }

  /** Adds (and takes) a nonzero vector returned by `reduce` since the basis last changed. */
  add(reduced: SparseVector<T>): void {
    const pivot = this.pivotOf(reduced);
    if (pivot < 0) throw new Error('cannot add a zero vector to the basis');
    if (reduced.size === 1) {
      this.markKnown(pivot);
      return;
    }
    const row = new Line(pivot, reduced);
    // Each elimination drops only the line at hand from these sets.
    for (const line of this.linesAt(this.rowsAt, pivot)) this.eliminate(line, row);
    for (const line of this.linesAt(this.watchersAt, pivot)) this.eliminate(line, row);
    this.rowsAt.set(pivot, undefined);
    this.watchersAt.set(pivot, undefined);
    this.rows.set(pivot, row);
    this.rowList.add(row);
    for (const column of row.entries.keys()) if (column !== pivot) this.register(row, column);
  }

  /**
   * Keeps the residue of `vector` modulo the span at hand as the basis grows. A unit vector's
   * residue needs no upkeep: it is the unit vector itself while its column is no pivot, and its
   * row without the pivot entry afterwards.
   */
  watch(vector: ReadonlyMap<number, T>): void {
    if (vector.size === 1) {
      this.watchedColumns.add(vector.keys().next().value!);
      return;
    }
    const line = new Line(-1, this.reduce(vector));
    for (const column of line.entries.keys()) this.register(line, column);
  }

  /**
   * Whether adding `reduced` (from `reduce`) would put a watched vector into the span: the
   * residues are canonical up to a factor, so exactly when one is a multiple of `reduced`.
   */
  hasWatchedMultipleOf(reduced: ReadonlyMap<number, T>): boolean {
    if (reduced.size === 1 && this.watchedColumns.has(reduced.keys().next().value!)) return true;
    let rowsAtFewest: ReadonlySet<Line<T>> | undefined;
    let watchersAtFewest: ReadonlySet<Line<T>> | undefined;
    for (const column of reduced.keys()) {
      const rows = this.rowsAt.get(column);
      if (!rows) rowsAtFewest = NO_LINES;
      else if (!rowsAtFewest || rows.size < rowsAtFewest.size) rowsAtFewest = rows;
      const watchers = this.watchersAt.get(column);
      if (!watchers) watchersAtFewest = NO_LINES;
      else if (!watchersAtFewest || watchers.size < watchersAtFewest.size)
        watchersAtFewest = watchers;
    }
    for (const row of rowsAtFewest ?? []) {
      if (this.watchedColumns.has(row.pivot) && this.isMultipleOffPivot(row, reduced)) return true;
    }
    for (const line of watchersAtFewest ?? []) {
      if (this.isMultiple(line.entries, reduced)) return true;
    }
    return false;
  }

  /** All rows, unit rows included. */
  allRows(): BasisRow<T>[] {
    const unit = (pivot: number) => ({ pivot, entries: new Map([[pivot, this.arithmetic.one]]) });
    return [...this.knownColumns.map(unit), ...this.rowList];
  }

  /**
   * The rows with a held-back pivot (and so nonzero on held-back columns only) that share a
   * column with `vector`, directly or through one another.
   */
  heldBackRowsLinkedTo(vector: ReadonlyMap<number, T>): BasisRow<T>[] {
    const linked = new Set<Line<T>>();
    const columns = [...vector.keys()];
    const seen = new Set(columns);
    while (columns.length > 0) {
      for (const row of this.linesAt(this.rowsAt, columns.pop()!)) {
        if (!this.heldBack.has(row.pivot) || linked.has(row)) continue;
        linked.add(row);
        for (const column of row.entries.keys()) {
          if (!seen.has(column)) columns.push(column);
          seen.add(column);
        }
      }
    }
    return [...linked];
  }

  /**
   * The column to pivot on: one of the columns not held back if there is one, and among those
   * the one nonzero in the fewest rows and residues, which keeps the rows sparse.
   */
  private pivotOf(reduced: ReadonlyMap<number, T>): number {
    let best = -1;
    let bestCost = Infinity;
    for (const column of reduced.keys()) {
      const cost =
        (this.heldBack.has(column) ? 1e9 : 0) +
        (this.rowsAt.get(column)?.size ?? 0) +
        (this.watchersAt.get(column)?.size ?? 0);
      if (cost < bestCost) {
        best = column;
        bestCost = cost;
      }
    }
    return best;
  }

  private markKnown(column: number): void {
    this.setKnown(column);
    for (const row of this.linesAt(this.rowsAt, column)) {
      row.entries.delete(column);
      if (row.entries.size === 1) this.toKnown(row);
    }
    for (const line of this.linesAt(this.watchersAt, column)) line.entries.delete(column);
    this.rowsAt.set(column, undefined);
    this.watchersAt.set(column, undefined);
  }

  /** Clears `row.pivot` in `line` with a multiple of `row`. */
  private eliminate(line: Line<T>, row: Line<T>): void {
    const { one, minusOne, product, quotient, gcd } = this.arithmetic;
    const t = line.entries.get(row.pivot)!;
    const a = row.entries.get(row.pivot)!;
    if (a === one || a === minusOne) {
      const f = product(t, a);
      row.entries.forEach((y, column) => this.subtractFromLine(line, column, f, y));
    } else {
      const g = gcd(a, t);
      const m = quotient(a, g);
      line.entries.forEach((x, column) => line.entries.set(column, product(x, m)));
      const f = quotient(t, g);
      row.entries.forEach((y, column) => this.subtractFromLine(line, column, f, y));
      this.makePrimitive(line.entries);
    }
    if (line.pivot >= 0 && line.entries.size === 1) this.toKnown(line);
  }

  /** A row left with its pivot alone is a unit vector; no other line is nonzero on its pivot. */
  private toKnown(row: Line<T>): void {
    this.rows.set(row.pivot, undefined);
    this.rowList.delete(row);
    this.setKnown(row.pivot);
  }

  private setKnown(column: number): void {
    this.known.set(column, true);
    this.knownColumns.push(column);
  }

  /** line[column] -= f y, keeping the column index in step. */
  private subtractFromLine(line: Line<T>, column: number, f: T, y: T): void {
    const old = line.entries.get(column);
    const value = this.arithmetic.cross(this.arithmetic.one, old ?? this.arithmetic.zero, f, y);
    if (value === this.arithmetic.zero) {
      line.entries.delete(column);
      this.index(line).get(column)?.delete(line);
    } else {
      line.entries.set(column, value);
      if (old === undefined) this.register(line, column);
    }
  }

  /** vector[column] -= f y. */
  private subtract(vector: SparseVector<T>, column: number, f: T, y: T): void {
    const { zero, one, cross } = this.arithmetic;
    const value = cross(one, vector.get(column) ?? zero, f, y);
    if (value === zero) vector.delete(column);
    else vector.set(column, value);
  }

  /** Divides `vector` in place by the gcd of its entries. */
  private makePrimitive(vector: SparseVector<T>): SparseVector<T> {
    const { zero, one, quotient, gcd } = this.arithmetic;
    let divisor = zero;
    for (const x of vector.values()) {
      divisor = gcd(divisor, x);
      if (divisor === one) return vector;
    }
    vector.forEach((x, column) => vector.set(column, quotient(x, divisor)));
    return vector;
  }

  /** Whether `a` is a nonzero multiple of the nonzero vector `b`. */
  private isMultiple(a: ReadonlyMap<number, T>, b: ReadonlyMap<number, T>): boolean {
    return a.size === b.size && this.isMultipleOn(a, b);
  }

  /** Whether `row` without its pivot entry is a nonzero multiple of the nonzero vector `b`. */
  private isMultipleOffPivot(row: Line<T>, b: ReadonlyMap<number, T>): boolean {
    return row.entries.size === b.size + 1 && this.isMultipleOn(row.entries, b);
  }

  /** Whether `a`, on the columns where `b` is nonzero, is a nonzero multiple of `b`. */
  private isMultipleOn(a: ReadonlyMap<number, T>, b: ReadonlyMap<number, T>): boolean {
    const { zero, cross } = this.arithmetic;
    const [column, x] = b.entries().next().value!;
    const y = a.get(column);
    if (y === undefined) return false;
    for (const [c, bc] of b) {
      const ac = a.get(c);
      if (ac === undefined || cross(ac, x, bc, y) !== zero) return false;
    }
    return true;
  }

  private register(line: Line<T>, column: number): void {
    const index = this.index(line);
    const lines = index.get(column);
    if (lines) lines.add(line);
    else index.set(column, new Set<Line<T>>().add(line));
  }

  private index(line: Line<T>): ColumnSlots<Set<Line<T>>> {
    return line.pivot < 0 ? this.watchersAt : this.rowsAt;
  }

  private linesAt(index: ColumnSlots<Set<Line<T>>>, column: number): Iterable<Line<T>> {
    return index.get(column) ?? NO_LINES;
  }
}

const NO_LINES: ReadonlySet<never> = new Set();

/** A value per column. Columns are small dense integers, so an array serves, not a hash. */
class ColumnSlots<V> {
  private readonly slots: (V | undefined)[] = [];

  get(column: number): V | undefined {
    return column < this.slots.length ? this.slots[column] : undefined;
  }

  set(column: number, value: V | undefined): void {
    while (this.slots.length <= column) this.slots.push(undefined);
    this.slots[column] = value;
  }
}
