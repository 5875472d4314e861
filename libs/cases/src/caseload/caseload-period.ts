import { FieldError } from '@amparo/core';
import { invalidFields } from '../cases/case-errors';

/** The longest series a dashboard asks for; longer belongs to statistics. */
export const MAX_CASELOAD_MONTHS = 24;
/** Without dates: this month and the eleven before it. */
const DEFAULT_MONTHS = 12;

export interface CaseloadPeriod {
  today: string;
  from: string;
  to: string;
}

/**
 * The period of the over-time series, in UTC dates (both inclusive): the given one, checked, or
 * the last twelve months up to today. Refuses, naming the field, a date that is not a calendar
 * date, an end before the start and a span of more than 24 calendar months.
 */
export function caseloadPeriod(
  given: { from?: string; to?: string },
  now: Date = new Date(),
): CaseloadPeriod {
  const today = now.toISOString().slice(0, 10);
  const errors: FieldError[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = given[field];
    if (value !== undefined && !isIsoDate(value))
      errors.push({
        field,
        code: 'INVALID_DATE',
        message: { es: 'Fecha no válida (AAAA-MM-DD).', en: 'Invalid date (YYYY-MM-DD).' },
      });
  }
  if (errors.length) throw invalidFields(errors);
  const to = given.to ?? today;
  const from = given.from ?? monthsBefore(to, DEFAULT_MONTHS - 1);
  if (from > to)
    throw invalidFields([
      {
        field: 'to',
        code: 'RANGE_REVERSED',
        message: {
          es: 'La fecha final es anterior a la inicial.',
          en: 'The end date is before the start date.',
        },
      },
    ]);
  if (monthIndex(to) - monthIndex(from) + 1 > MAX_CASELOAD_MONTHS)
    throw invalidFields([
      {
        field: 'to',
        code: 'RANGE_TOO_LONG',
        message: {
          es: `Como máximo ${MAX_CASELOAD_MONTHS} meses.`,
          en: `At most ${MAX_CASELOAD_MONTHS} months.`,
        },
      },
    ]);
  return { today, from, to };
}

/** The day after a date: the exclusive end of a period whose last day is `date`. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The first day of the month `count` months before the month of `date`. */
function monthsBefore(date: string, count: number): string {
  const index = monthIndex(date) - count;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
