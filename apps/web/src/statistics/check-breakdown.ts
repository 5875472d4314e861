import type { TFunction } from 'i18next';
import type { Breakdown } from './statistics-model';

/**
 * The obvious mistakes, caught before asking the API: missing dates, a reversed range. Messages
 * by API field name, like the API's own field errors.
 */
export function checkBreakdown(
  breakdown: Breakdown,
  t: TFunction<'statistics'>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!breakdown.from) errors.from = t('form.fromRequired');
  if (!breakdown.to) errors.to = t('form.toRequired');
  if (breakdown.from && breakdown.to && breakdown.from > breakdown.to)
    errors.to = t('form.rangeReversed');
  return errors;
}
