import { BIGINTS } from './integer-arithmetic';
import { spanHasNonnegativeVector } from './nonnegative-span';
import { BasisRow, ReducedRowBasis } from './reduced-row-basis';

function rowsOf(...vectors: (number | bigint)[][]): BasisRow<bigint>[] {
  const basis = new ReducedRowBasis(BIGINTS, new Set());
  for (const v of vectors) {
    const entries = v.map(BigInt).flatMap((x, column) => (x === 0n ? [] : [[column, x] as const]));
    const reduced = basis.reduce(new Map(entries));
    if (reduced.size > 0) basis.add(reduced);
  }
  return basis.allRows();
}

describe('spanHasNonnegativeVector', () => {
  it('finds no nonnegative vector in an empty span or in the span of a difference', () => {
    expect(spanHasNonnegativeVector([])).toBe(false);
    expect(spanHasNonnegativeVector(rowsOf([1, -1, 0]))).toBe(false);
    expect(spanHasNonnegativeVector(rowsOf([1, -1, 0], [0, 1, -1]))).toBe(false);
  });

  it('finds a plain sum, a weighted sum and a sum hidden in a combination of rows', () => {
    expect(spanHasNonnegativeVector(rowsOf([1, 1, 0]))).toBe(true);
    // 2a + b = 3 pins a = b = 1 though no plain sum of singletons is derivable.
    expect(spanHasNonnegativeVector(rowsOf([2, 1, 0]))).toBe(true);
    // Neither 2a + b - c nor c - b is nonnegative; their sum 2a is.
    expect(spanHasNonnegativeVector(rowsOf([2, 1, -1], [0, -1, 1]))).toBe(true);
    // Pivoting on a and b, neither row is nonnegative, but the sum a + b + c + d of the two is.
    expect(spanHasNonnegativeVector(rowsOf([1, 2, -1, 3], [0, -1, 2, -2]))).toBe(true);
  });

  it('finds none where every combination has a negative entry', () => {
    // x(a - 2b) + y(b - c) >= 0 needs x >= 0, y <= 0 and y >= 2x: only zero.
    expect(spanHasNonnegativeVector(rowsOf([1, -2, 0], [0, 1, -1]))).toBe(false);
  });

  it('stays exact with entries beyond 2^53', () => {
    const big = 2n ** 60n;
    expect(spanHasNonnegativeVector(rowsOf([1, -big, 0], [0, 1, -1]))).toBe(false);
    expect(spanHasNonnegativeVector(rowsOf([1, 0, -big, 1], [0, 1, 2n * big, -1]))).toBe(true);
  });
});
