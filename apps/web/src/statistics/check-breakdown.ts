import type { TFunction } from 'i18next';
import type { Breakdown } from './statistics-model';

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The obvious mistakes, caught before asking the API: missing or malformed dates, a reversed range. Messages
 * by API field name, like the API's own field errors.
 */
export function checkBreakdown(
  breakdown: Breakdown,
  t: TFunction<'statistics'>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!breakdown.from) errors.from = t('form.fromRequired');
  else if (!isDate(breakdown.from)) errors.from = t('form.fromInvalid');
  if (!breakdown.to) errors.to = t('form.toRequired');
  else if (!isDate(breakdown.to)) errors.to = t('form.toInvalid');
  if (!errors.from && !errors.to && breakdown.from > breakdown.to)
    errors.to = t('form.rangeReversed');
  return errors;
}
