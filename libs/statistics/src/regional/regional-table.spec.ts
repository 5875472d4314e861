import { regionalTable } from './regional-table';

const row = (country: string, category: string, value: number | null) => ({
  MEASURE: 'cases_opened' as const,
  REF_AREA: country,
  CATEGORY: category,
  OBS_VALUE: value,
  CONF_STATUS: value === null ? ('C' as const) : ('F' as const),
});

describe('regionalTable', () => {
  it('reads an inner code a country did not list as its zero, and a missing margin as not published', () => {
    const table = regionalTable(
      [
        {
          countries: ['GT'],
          columns: ['CATEGORY'],
          rows: [row('GT', 'trafficking', 40)], // no health row, no margin
        },
        {
          countries: ['MX'],
          columns: ['CATEGORY'],
          rows: [row('MX', 'trafficking', 12), row('MX', 'health', 9), row('MX', '_T', 21)],
        },
      ],
      'cases_opened',
      ['CATEGORY'],
      5,
    );
    const byCode = Object.fromEntries(table.rows.map((r) => [r.codes[0], r]));
    expect(byCode.health.cells[0]).toEqual({ country: 'GT', value: 0, suppressed: false });
    expect(byCode.health.total).toEqual({ value: 9, suppressed: false });
    expect(byCode.trafficking.total).toEqual({ value: 52, suppressed: false });
    expect(byCode._T.cells[0]).toEqual({ country: 'GT', value: null, suppressed: true });
    expect(byCode._T.total).toEqual({ value: null, suppressed: true });
  });
});
