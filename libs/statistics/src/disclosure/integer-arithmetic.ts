/**
 * Exact integer arithmetic in one representation. The counts and coefficients of disclosure
 * control stay small, so the work runs in doubles, checked to stay exact, and is redone in bigints
 * on the rare input where doubles would not (`withExactIntegers`).
 */
export interface IntegerArithmetic<T extends number | bigint> {
  readonly zero: T;
  readonly one: T;
  readonly minusOne: T;
  of(x: bigint): T;
  abs(x: T): T;
  product(x: T, y: T): T;
  /** p x - f y. */
  cross(p: T, x: T, f: T, y: T): T;
  /** x / d, for a division known to be exact. */
  quotient(x: T, d: T): T;
  /** Whether d divides x. */
  divides(d: T, x: T): boolean;
  /** The greatest common divisor, never negative; gcd(0, 0) = 0. */
  gcd(x: T, y: T): T;
}

/** Runs `work` in doubles, and again in bigints if doubles would have lost exactness. */
export function withExactIntegers<R>(
  work: <T extends number | bigint>(arithmetic: IntegerArithmetic<T>) => R,
): R {
  try {
    return work(DOUBLES);
  } catch (error) {
    if (error instanceof InexactDouble) return work(BIGINTS);
    throw error;
  }
}

/** `withExactIntegers` for work that completes later. */
export async function withExactIntegersAsync<R>(
  work: <T extends number | bigint>(arithmetic: IntegerArithmetic<T>) => Promise<R>,
): Promise<R> {
  try {
    return await work(DOUBLES);
  } catch (error) {
    if (error instanceof InexactDouble) return work(BIGINTS);
    throw error;
  }
}

class InexactDouble extends Error {
  constructor() {
    super('a result left the integers that doubles hold exactly');
  }
}

/** Doubles hold every integer up to 2^53 exactly; beyond that, the work moves to bigints. */
function exact(x: number): number {
  if (x > Number.MAX_SAFE_INTEGER || x < -Number.MAX_SAFE_INTEGER) throw new InexactDouble();
  return x;
}

export const DOUBLES: IntegerArithmetic<number> = {
  zero: 0,
  one: 1,
  minusOne: -1,
  of: (x) => exact(Number(x)),
  abs: Math.abs,
  product: (x, y) => exact(x * y),
  cross: (p, x, f, y) => exact(exact(p * x) - exact(f * y)),
  // An exact quotient of exact integers is exact in doubles.
  quotient: (x, d) => x / d,
  divides: (d, x) => x % d === 0,
  gcd: (x, y) => {
    x = Math.abs(x);
    y = Math.abs(y);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return x;
  },
};

export const BIGINTS: IntegerArithmetic<bigint> = {
  zero: 0n,
  one: 1n,
  minusOne: -1n,
  of: (x) => x,
  abs: (x) => (x < 0n ? -x : x),
  product: (x, y) => x * y,
  cross: (p, x, f, y) => p * x - f * y,
  quotient: (x, d) => x / d,
  divides: (d, x) => x % d === 0n,
  gcd: (x, y) => {
    x = x < 0n ? -x : x;
    y = y < 0n ? -y : y;
    while (y !== 0n) {
      const r = x % y;
      x = y;
      y = r;
    }
    return x;
  },
};
