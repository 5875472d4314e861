/** The dashboard's period: whole UTC months, YYYY-MM, both inclusive. */
export interface MonthPeriod {
  from: string;
  to: string;
}

/** GET /caseload refuses longer; longer belongs to statistics. */
export const MAX_MONTHS = 24;
const DEFAULT_MONTHS = 12;

export type PeriodProblem = 'fromInvalid' | 'toInvalid' | 'reversed' | 'tooLong';

export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

const monthIndex = (month: string) =>
  Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

export function addMonths(month: string, count: number): string {
  const index = monthIndex(month) + count;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** This month (UTC) and the eleven before it, as GET /caseload defaults. */
export function defaultPeriod(now: Date = new Date()): MonthPeriod {
  const to = now.toISOString().slice(0, 7);
  return { from: addMonths(to, -(DEFAULT_MONTHS - 1)), to };
}

/** What is wrong with a period typed in, checked as the API checks it. */
export function periodProblems(period: MonthPeriod): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  if (!isMonth(period.from)) problems.push('fromInvalid');
  if (!isMonth(period.to)) problems.push('toInvalid');
  if (problems.length) return problems;
  if (period.from > period.to) return ['reversed'];
  if (monthIndex(period.to) - monthIndex(period.from) + 1 > MAX_MONTHS) return ['tooLong'];
  return [];
}

/** Every month of the period, in order. */
export function monthsOf(period: MonthPeriod): string[] {
  const months: string[] = [];
  for (let month = period.from; month <= period.to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The dates GET /caseload takes: the first day of `from` and the last day of `to`. */
export function caseloadDates(period: MonthPeriod): { from: string; to: string } {
  return { from: `${period.from}-01`, to: dayBefore(`${addMonths(period.to, 1)}-01`) };
}

const shiftDay = (date: string, days: number) => {
  const day = new Date(`${date}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};
export const dayBefore = (date: string) => shiftDay(date, -1);
export const dayAfter = (date: string) => shiftDay(date, 1);
