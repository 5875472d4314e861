import { MAX_MONEY_AMOUNT, isMoneyAmount } from './money-amount';

describe('isMoneyAmount', () => {
  it('accepts amounts with up to two decimals that fit numeric(12, 2)', () => {
    for (const amount of [0, 0.01, 0.29, 12.5, 1234.56, MAX_MONEY_AMOUNT])
      expect(isMoneyAmount(amount)).toBe(true);
  });

  it('refuses, without throwing, what the column cannot hold', () => {
    for (const amount of [9e-323, 1e-7, 0.001, 1.005, -1, -0.01, 1e10, 12345678901.5, 1e308])
      expect(isMoneyAmount(amount)).toBe(false);
    for (const value of [Infinity, NaN, '12', null, undefined, [1], { amount: 1 }])
      expect(isMoneyAmount(value)).toBe(false);
  });
});
