import { ValidateBy, ValidationOptions } from 'class-validator';

/** The largest amount a `numeric(12, 2)` column holds. */
export const MAX_MONEY_AMOUNT = 9_999_999_999.99;

/**
 * A non-negative amount with at most two decimals that fits `numeric(12, 2)`. class-validator's
 * `IsNumber({ maxDecimalPlaces })` throws on numbers it prints in exponent form (9e-323), and
 * nothing else bounds the column, so both ended as a 500.
 */
export function isMoneyAmount(value: unknown): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= MAX_MONEY_AMOUNT &&
    Number(value.toFixed(2)) === value
  );
}

export function IsMoneyAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isMoneyAmount', validator: { validate: isMoneyAmount } }, options);
}
