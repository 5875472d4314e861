import {
  BIGINTS,
  DOUBLES,
  IntegerArithmetic,
  withExactIntegers,
  withExactIntegersAsync,
} from './integer-arithmetic';

describe('withExactIntegers', () => {
  const squareOf = (n: bigint) =>
    withExactIntegers(<T extends number | bigint>(arithmetic: IntegerArithmetic<T>) => {
      const x = arithmetic.of(n);
      return { square: BigInt(arithmetic.product(x, x)), in: typeof x };
    });

  it('works in doubles while they stay exact', () => {
    expect(squareOf(2n ** 26n)).toEqual({ square: 2n ** 52n, in: 'number' });
  });

  it('does the work again in bigints where doubles would round', () => {
    expect(squareOf(2n ** 27n)).toEqual({ square: 2n ** 54n, in: 'bigint' });
    expect(squareOf(2n ** 60n)).toEqual({ square: 2n ** 120n, in: 'bigint' });
  });

  it('lets other errors through', () => {
    expect(() =>
      withExactIntegers(() => {
        throw new RangeError('not about exactness');
      }),
    ).toThrow(RangeError);
  });
});

describe.each([
  ['doubles', DOUBLES],
  ['bigints', BIGINTS],
] as [string, IntegerArithmetic<number | bigint>][])('IntegerArithmetic in %s', (_, arithmetic) => {
  const n = (x: number) => arithmetic.of(BigInt(x));

  it('computes cross products, exact quotients, divisibility and gcds', () => {
    expect(arithmetic.cross(n(3), n(4), n(2), n(5))).toBe(n(2));
    expect(arithmetic.quotient(n(-12), n(4))).toBe(n(-3));
    expect(arithmetic.divides(n(4), n(-12))).toBe(true);
    expect(arithmetic.divides(n(5), n(12))).toBe(false);
    expect(arithmetic.gcd(n(-12), n(18))).toBe(n(6));
    expect(arithmetic.gcd(n(0), n(0))).toBe(n(0));
    expect(arithmetic.abs(n(-7))).toBe(n(7));
  });
});

describe('withExactIntegersAsync', () => {
  const squareLater = (n: bigint) =>
    withExactIntegersAsync(async <T extends number | bigint>(arithmetic: IntegerArithmetic<T>) => {
      await Promise.resolve();
      const x = arithmetic.of(n);
      return { square: BigInt(arithmetic.product(x, x)), in: typeof x };
    });

  it('works in doubles while they stay exact, and again in bigints where they would round', async () => {
    await expect(squareLater(2n ** 26n)).resolves.toEqual({ square: 2n ** 52n, in: 'number' });
    await expect(squareLater(2n ** 27n)).resolves.toEqual({ square: 2n ** 54n, in: 'bigint' });
  });

  it('lets other errors through', async () => {
    await expect(
      withExactIntegersAsync(() => Promise.reject(new RangeError('not about exactness'))),
    ).rejects.toThrow(RangeError);
  });
});
