export const PERIOD_GRANULARITIES = ['month', 'quarter', 'semester', 'year'] as const;
export type PeriodGranularity = (typeof PERIOD_GRANULARITIES)[number];

/** One reporting period, clipped to the requested range: [startsAt, endsAt). */
export interface Period {
  readonly code: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

const MONTHS_PER: Record<PeriodGranularity, number> = {
  month: 1,
  quarter: 3,
  semester: 6,
  year: 12,
};

/**
 * The periods that the UTC dates `from`..`to` (both inclusive, YYYY-MM-DD) touch, with ISO 8601
 * style codes (`2026`, `2026-S1`, `2026-Q3`, `2026-07`) as in SDMX.
 */
export function periodsBetween(granularity: PeriodGranularity, from: string, to: string): Period[] {
  const rangeStart = utcDate(from);
  const rangeEnd = dayAfter(to);
  const step = MONTHS_PER[granularity];
  const first = rangeStart.getUTCMonth() - (rangeStart.getUTCMonth() % step);
  const periods: Period[] = [];
  for (
    let start = new Date(Date.UTC(rangeStart.getUTCFullYear(), first, 1));
    start < rangeEnd;
    start = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + step, 1))
  ) {
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + step, 1));
    periods.push({
      code: periodCode(granularity, start),
      startsAt: start < rangeStart ? rangeStart : start,
      endsAt: end > rangeEnd ? rangeEnd : end,
    });
  }
  return periods;
}

export function periodCode(granularity: PeriodGranularity, start: Date): string {
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + 1;
  switch (granularity) {
    case 'year':
      return `${year}`;
    case 'semester':
      return `${year}-S${month <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'month':
      return `${year}-${String(month).padStart(2, '0')}`;
  }
}

/** The SQL that gives a timestamp's period code, in UTC like `periodCode`. */
export function periodCodeSql(granularity: PeriodGranularity, timestamp: string): string {
  const utc = `(${timestamp} AT TIME ZONE 'UTC')`;
  switch (granularity) {
    case 'year':
      return `to_char(${utc}, 'YYYY')`;
    case 'semester':
      return `to_char(${utc}, 'YYYY') || CASE WHEN extract(month FROM ${utc}) <= 6 THEN '-S1' ELSE '-S2' END`;
    case 'quarter':
      return `to_char(${utc}, 'YYYY-"Q"Q')`;
    case 'month':
      return `to_char(${utc}, 'YYYY-MM')`;
  }
}

/** The first instant after the UTC day `date` (YYYY-MM-DD). */
export function dayAfter(date: string): Date {
  const d = utcDate(date);
  return new Date(d.getTime() + 24 * 3600 * 1000);
}

export function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
