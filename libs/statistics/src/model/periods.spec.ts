import { periodsBetween } from './periods';

describe('periodsBetween', () => {
  it('names periods as SDMX does and clips the first and last to the range', () => {
    const quarters = periodsBetween('quarter', '2025-02-15', '2025-08-01');
    expect(quarters.map((p) => p.code)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(quarters[0].startsAt.toISOString()).toBe('2025-02-15T00:00:00.000Z');
    expect(quarters[0].endsAt.toISOString()).toBe('2025-04-01T00:00:00.000Z');
    expect(quarters[2].endsAt.toISOString()).toBe('2025-08-02T00:00:00.000Z');
  });

  it.each([
    ['month', '2025-11-30', '2026-01-01', ['2025-11', '2025-12', '2026-01']],
    ['semester', '2025-06-30', '2025-07-01', ['2025-S1', '2025-S2']],
    ['year', '2024-12-31', '2025-01-01', ['2024', '2025']],
  ] as const)('lists %s periods across a boundary', (granularity, from, to, codes) => {
    expect(periodsBetween(granularity, from, to).map((p) => p.code)).toEqual(codes);
  });
});
