import type { components } from '../api/schema';
import { monthsOf, type MonthPeriod } from './period';

type Row = components['schemas']['OpenedClosedResponse'];

export interface CategoryTotal {
  category: Row['category'];
  opened: number;
  closed: number;
}

export interface MonthPoint {
  month: string;
  opened: number;
  closed: number;
}

/** Each category's cases opened and closed over the period, the busiest first. */
export function categoryTotals(rows: readonly Row[]): CategoryTotal[] {
  const totals = new Map<Row['category'], CategoryTotal>();
  for (const row of rows) {
    const total = totals.get(row.category) ?? { category: row.category, opened: 0, closed: 0 };
    total.opened += row.opened;
    total.closed += row.closed;
    totals.set(row.category, total);
  }
  return [...totals.values()].sort(
    (a, b) => b.opened + b.closed - (a.opened + a.closed) || a.category.localeCompare(b.category),
  );
}

/** One category month by month over the whole period, zeros included (the API omits them). */
export function monthlySeries(
  rows: readonly Row[],
  category: string,
  period: MonthPeriod,
): MonthPoint[] {
  const byMonth = new Map(rows.filter((r) => r.category === category).map((r) => [r.month, r]));
  return monthsOf(period).map((month) => ({
    month,
    opened: byMonth.get(month)?.opened ?? 0,
    closed: byMonth.get(month)?.closed ?? 0,
  }));
}
