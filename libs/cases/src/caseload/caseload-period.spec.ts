import { DomainError } from '@amparo/core';
import { caseloadPeriod, dayAfter } from './caseload-period';

const NOW = new Date('2026-12-04T15:00:00Z');

function refusal(given: { from?: string; to?: string }) {
  try {
    caseloadPeriod(given, NOW);
  } catch (error) {
    const { code, details } = error as DomainError;
    return { code, fields: details.fieldErrors?.map((e) => `${e.field}:${e.code}`) };
  }
  throw new Error('not refused');
}

describe('caseloadPeriod', () => {
  it('defaults to this month and the eleven before it, up to today (UTC)', () => {
    expect(caseloadPeriod({}, NOW)).toEqual({
      today: '2026-12-04',
      from: '2026-01-01',
      to: '2026-12-04',
    });
  });

  it('counts back twelve months from a given end, across a year', () => {
    expect(caseloadPeriod({ to: '2026-03-15' }, NOW)).toMatchObject({
      from: '2025-04-01',
      to: '2026-03-15',
    });
  });

  it('keeps a given period of exactly 24 calendar months', () => {
    expect(caseloadPeriod({ from: '2025-01-31', to: '2026-12-01' }, NOW)).toMatchObject({
      from: '2025-01-31',
      to: '2026-12-01',
    });
  });

  it('refuses 25 calendar months, an end before the start and dates that do not exist', () => {
    expect(refusal({ from: '2024-12-31', to: '2026-12-01' })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['to:RANGE_TOO_LONG'],
    });
    expect(refusal({ from: '2026-05-02', to: '2026-05-01' })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['to:RANGE_REVERSED'],
    });
    expect(refusal({ from: '2026-02-30', to: '2026-13-01' })).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['from:INVALID_DATE', 'to:INVALID_DATE'],
    });
    expect(refusal({ from: '2026-01-01T00:00:00Z' }).fields).toEqual(['from:INVALID_DATE']);
  });

  it('ends a period at the start of the day after its last day', () => {
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
  });
});
