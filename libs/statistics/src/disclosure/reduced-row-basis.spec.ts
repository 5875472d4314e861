import { BIGINTS, DOUBLES, IntegerArithmetic } from './integer-arithmetic';
import { ReducedRowBasis, SparseVector } from './reduced-row-basis';

/** Whether `a` and `b` are nonzero multiples of each other. */
function parallel(
  a: ReadonlyMap<number, number | bigint>,
  b: ReadonlyMap<number, number | bigint>,
) {
  const [column, x] = [...a][0];
  const y = b.get(column);
  return (
    a.size === b.size &&
    y !== undefined &&
    [...a].every(([c, ac]) => BigInt(ac) * BigInt(y) === BigInt(b.get(c)!) * BigInt(x))
  );
}

describe.each([
  ['doubles', DOUBLES],
  ['bigints', BIGINTS],
] as [string, IntegerArithmetic<number | bigint>][])('ReducedRowBasis in %s', (_, arithmetic) => {
  const vector = (...entries: number[]): SparseVector<number | bigint> =>
    new Map(entries.flatMap((x, column) => (x === 0 ? [] : [[column, arithmetic.of(BigInt(x))]])));

  function spanOf(heldBack: number[], ...vectors: number[][]) {
    const basis = new ReducedRowBasis(arithmetic, new Set(heldBack));
    for (const v of vectors) {
      const reduced = basis.reduce(vector(...v));
      if (reduced.size > 0) basis.add(reduced);
    }
    return basis;
  }

  it('reduces a vector to zero exactly when it lies in the span', () => {
    const basis = spanOf([], [1, 1, 0, 0], [0, 1, 1, 0]);
    expect(basis.reduce(vector(1, 0, -1, 0)).size).toBe(0);
    expect(basis.reduce(vector(1, 0, 0, 0)).size).toBeGreaterThan(0);
    expect(basis.reduce(vector(0, 0, 0, 1)).size).toBeGreaterThan(0);
  });

  it('reduces the 0/1 row of a set of columns as it reduces that vector', () => {
    const basis = spanOf([], [1, 1, 0, 0], [0, 2, 1, 0], [0, 0, 0, 1]);
    for (const columns of [[0, 2], [1], [3], [0, 1, 2, 3]]) {
      const ones = new Map(columns.map((c) => [c, arithmetic.one]));
      expect(basis.reduceOnes(columns)).toEqual(basis.reduce(ones));
    }
  });

  it('gives vectors that differ by a member of the span parallel representatives', () => {
    const basis = spanOf([], [1, 1, 0, 0], [0, 0, 1, 1]);
    expect(parallel(basis.reduce(vector(3, 0, 3, 0)), basis.reduce(vector(0, 2, 0, 2)))).toBe(true);
    expect(parallel(basis.reduce(vector(1, 0, 0, 0)), basis.reduce(vector(0, 0, 1, 0)))).toBe(
      false,
    );
  });

  it('stays exact through pivots other than 1 and unit vectors that drop columns', () => {
    // From 2a + b and b - 2c: 2a + 2c, so a + c; with b itself, a and c.
    const basis = spanOf([], [2, 1, 0, 0], [0, 1, -2, 0], [0, 0, 0, 1]);
    expect(basis.reduce(vector(1, 0, 1, 0)).size).toBe(0);
    expect(basis.reduce(vector(0, 0, 0, 5)).size).toBe(0);
    expect(basis.reduce(vector(1, 0, 0, 0)).size).toBeGreaterThan(0);
    const more = spanOf([], [2, 1, 0, 0], [0, 1, -2, 0], [0, 1, 0, 0]);
    expect(more.reduce(vector(1, 0, 0, 0)).size).toBe(0);
    expect(more.reduce(vector(0, 0, 1, 0)).size).toBe(0);
  });

  it('tells when adding a vector would put a watched vector into the span', () => {
    const basis = spanOf([], [1, 1, 0, 0]);
    basis.watch(vector(1, 0, 0, 0)); // a unit vector: its residue is read off the basis
    basis.watch(vector(0, 0, 1, 1));
    expect(basis.hasWatchedMultipleOf(basis.reduce(vector(0, 1, 0, 0)))).toBe(true);
    expect(basis.hasWatchedMultipleOf(basis.reduce(vector(0, 0, 2, 2)))).toBe(true);
    expect(basis.hasWatchedMultipleOf(basis.reduce(vector(0, 0, 1, 0)))).toBe(false);
    const reduced = basis.reduce(vector(0, 0, 1, -1));
    basis.add(reduced);
    // Now c + d is derivable from c - d and c: publishing c reveals it.
    expect(basis.hasWatchedMultipleOf(basis.reduce(vector(0, 0, 1, 0)))).toBe(true);
  });

  it('pivots on held-back columns last, so that their rows span what lies among them', () => {
    // Columns 2 and 3 held back: a + c and a - d give c + d, which lies among them alone.
    const basis = spanOf([2, 3], [1, 0, 1, 0], [1, 0, 0, -1], [0, 1, 0, 0]);
    const inHeldBack = basis.heldBackRowsLinkedTo(vector(0, 0, 1, 0));
    expect(inHeldBack).toHaveLength(1);
    expect(parallel(new Map(inHeldBack[0].entries), vector(0, 0, 1, 1))).toBe(true);
    expect(basis.heldBackRowsLinkedTo(vector(0, 0, 0, 0, 1))).toEqual([]);
  });
});
