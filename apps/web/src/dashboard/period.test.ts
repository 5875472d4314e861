import { describe, expect, it } from 'vitest';
import { caseloadDates, defaultPeriod, monthsOf, periodProblems } from './period';

describe('The dashboard period', () => {
  it('defaults to this UTC month and the eleven before it, across a year end', () => {
    expect(defaultPeriod(new Date('2026-01-31T23:30:00.000Z'))).toEqual({
      from: '2025-02',
      to: '2026-01',
    });
  });

  it('asks GET /caseload from the first day of the first month to the last day of the last', () => {
    expect(caseloadDates({ from: '2027-12', to: '2028-02' })).toEqual({
      from: '2027-12-01',
      to: '2028-02-29',
    });
    expect(monthsOf({ from: '2027-12', to: '2028-02' })).toEqual(['2027-12', '2028-01', '2028-02']);
  });

  it('refuses what the API would: a malformed month, an end before the start, more than 24 months', () => {
    expect(periodProblems({ from: '2026-13', to: '2026/01' })).toEqual([
      'fromInvalid',
      'toInvalid',
    ]);
    expect(periodProblems({ from: '2026-05', to: '2026-04' })).toEqual(['reversed']);
    expect(periodProblems({ from: '2024-01', to: '2025-12' })).toEqual([]);
    expect(periodProblems({ from: '2024-01', to: '2026-01' })).toEqual(['tooLong']);
  });
});
