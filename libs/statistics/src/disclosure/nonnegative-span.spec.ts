import { EchelonBasis } from './echelon-basis';
import { spanHasNonnegativeVector } from './nonnegative-span';

function spanOf(...vectors: number[][]): EchelonBasis {
  const basis = new EchelonBasis([...vectors[0].keys()]);
  for (const v of vectors) {
    const reduced = basis.reduce(v.map(BigInt));
    if (basis.leadingColumn(reduced) >= 0) basis.add(reduced);
  }
  return basis;
}

const all = (basis: EchelonBasis, width: number) =>
  basis.rowsWithPivotIn(new Set(Array.from({ length: width }, (_, i) => i)));

describe('EchelonBasis', () => {
  it('reduces a vector to zero exactly when it lies in the span', () => {
    const basis = spanOf([1, 1, 0, 0], [0, 1, 1, 0]);
    expect(basis.rank).toBe(2);
    expect(basis.reduce([1n, 0n, -1n, 0n]).every((x) => x === 0n)).toBe(true);
    expect(basis.reduce([1n, 0n, 0n, 0n]).some((x) => x !== 0n)).toBe(true);
  });

  it('gives vectors that differ by a member of the span the same primitive representative', () => {
    const basis = spanOf([1, 1, 0, 0], [0, 0, 1, 1]);
    expect(basis.reduce([3n, 0n, 3n, 0n])).toEqual(basis.reduce([0n, 2n, 0n, 2n]));
  });
});

describe('spanHasNonnegativeVector', () => {
  it('finds no nonnegative vector in an empty span or in the span of a difference', () => {
    expect(spanHasNonnegativeVector([])).toBe(false);
    expect(spanHasNonnegativeVector(all(spanOf([1, -1, 0]), 3))).toBe(false);
    expect(spanHasNonnegativeVector(all(spanOf([1, -1, 0], [0, 1, -1]), 3))).toBe(false);
  });

  it('finds a plain sum, a weighted sum and a sum hidden in a combination of rows', () => {
    expect(spanHasNonnegativeVector(all(spanOf([1, 1, 0]), 3))).toBe(true);
    // 2a + b = 3 pins a = b = 1 though no plain sum of singletons is derivable.
    expect(spanHasNonnegativeVector(all(spanOf([2, 1, 0]), 3))).toBe(true);
    // Neither 2a + b - c nor c - b is nonnegative; their sum 2a is.
    expect(spanHasNonnegativeVector(all(spanOf([2, 1, -1], [0, -1, 1]), 3))).toBe(true);
  });

  it('finds none where every combination has a negative entry', () => {
    // x(a - 2b) + y(b - c) >= 0 needs x >= 0, y <= 0 and y >= 2x: only zero.
    expect(spanHasNonnegativeVector(all(spanOf([1, -2, 0], [0, 1, -1]), 3))).toBe(false);
  });
});
