import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { checkBreakdown, isDate } from './check-breakdown';
import { defaultBreakdown } from './statistics-model';

/** The message keys stand for the messages: which mistake was found is what matters here. */
const t = ((key: string) => key) as unknown as TFunction<'statistics'>;
const breakdown = (from: string, to: string) => ({ ...defaultBreakdown(), from, to });

describe('The period of a table, checked before asking the API', () => {
  it('takes dates written YYYY-MM-DD that exist, and nothing else', () => {
    expect(isDate('2025-01-31')).toBe(true);
    expect(isDate('2024-02-29')).toBe(true);
    for (const wrong of ['2025-02-29', '2025-13-01', '31/01/2025', '01/31/2025', '2025-1-31', ''])
      expect({ wrong, ok: isDate(wrong) }).toEqual({ wrong, ok: false });
  });

  it('says which date is missing, malformed or out of order', () => {
    expect(checkBreakdown(breakdown('', ''), t)).toEqual({
      from: 'form.fromRequired',
      to: 'form.toRequired',
    });
    expect(checkBreakdown(breakdown('31/12/2025', '2025-02-30'), t)).toEqual({
      from: 'form.fromInvalid',
      to: 'form.toInvalid',
    });
    expect(checkBreakdown(breakdown('2025-12-31', '2025-01-01'), t)).toEqual({
      to: 'form.rangeReversed',
    });
    expect(checkBreakdown(breakdown('2025-01-01', '2025-12-31'), t)).toEqual({});
  });
});
