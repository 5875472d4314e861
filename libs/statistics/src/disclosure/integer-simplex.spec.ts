import { hasNonnegativeSolution } from './integer-simplex';

const big = 2n ** 60n;

describe('hasNonnegativeSolution', () => {
  it('solves A u >= b over u >= 0', () => {
    // u1 - u2 >= 1 and u2 >= 2: u = (3, 2).
    expect(
      hasNonnegativeSolution(
        [
          [1n, -1n],
          [0n, 1n],
        ],
        [1n, 2n],
      ),
    ).toBe(true);
    // u1 - u2 >= 1 and u2 - u1 >= 1 contradict each other.
    expect(
      hasNonnegativeSolution(
        [
          [1n, -1n],
          [-1n, 1n],
        ],
        [1n, 1n],
      ),
    ).toBe(false);
    // -u >= 1 has no nonnegative solution.
    expect(hasNonnegativeSolution([[-1n]], [1n])).toBe(false);
  });

  it('stays exact where the solutions are fractions', () => {
    // 3 u1 - 2 u2 >= 1 and 2 u2 - 2 u1 >= 1: the smallest u1, 2, needs u2 = 5/2.
    expect(
      hasNonnegativeSolution(
        [
          [3n, -2n],
          [-2n, 2n],
        ],
        [1n, 1n],
      ),
    ).toBe(true);
    // u1 >= 1 + 2 u2 and u2 >= 1 + u1 give u1 <= -3.
    expect(
      hasNonnegativeSolution(
        [
          [1n, -2n],
          [-1n, 1n],
        ],
        [1n, 1n],
      ),
    ).toBe(false);
  });

  it('moves to bigints when doubles would lose exactness', () => {
    // big u1 - big u2 >= 1 and u2 >= big: u = (2 big, big) and beyond; not with u1 <= u2.
    expect(
      hasNonnegativeSolution(
        [
          [big, -big],
          [0n, 1n],
        ],
        [1n, big],
      ),
    ).toBe(true);
    expect(
      hasNonnegativeSolution(
        [
          [big, -big],
          [-1n, 1n],
        ],
        [1n, 1n],
      ),
    ).toBe(false);
  });
});
