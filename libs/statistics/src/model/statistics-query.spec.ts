import { parseStatisticsQuery } from './statistics-query';

const valid = {
  measure: 'cases_opened',
  dimensions: ['category'],
  from: '2025-01-01',
  to: '2025-12-31',
};
const codesOf = (input: Parameters<typeof parseStatisticsQuery>[0]) => {
  const parsed = parseStatisticsQuery(input);
  return 'errors' in parsed ? parsed.errors.map((e) => `${e.field}:${e.code}`) : [];
};

describe('parseStatisticsQuery', () => {
  it('accepts a query and defaults the period to years, sorting filter codes', () => {
    const parsed = parseStatisticsQuery({ ...valid, filters: { sex: ['M', 'F', 'M'] } });
    expect(parsed).toEqual({
      query: expect.objectContaining({ period: 'year', filters: { sex: ['F', 'M'] } }),
    });
  });

  it('names every problem with its field', () => {
    expect(
      codesOf({
        measure: 'cases_lost',
        dimensions: ['sex', 'sex', 'colour', 'status'],
        period: 'week',
        from: '2025-13-01',
        to: '2025-01-01',
        filters: { category: ['piracy'], colour: ['red'] },
      }),
    ).toEqual([
      'measure:UNKNOWN_MEASURE',
      'dimensions:TOO_MANY_DIMENSIONS',
      'dimensions:REPEATED_DIMENSION',
      'dimensions:UNKNOWN_DIMENSION',
      'period:UNKNOWN_PERIOD',
      'from:INVALID_DATE',
      'filters.category:UNKNOWN_CODE',
      'filters.colour:UNKNOWN_FILTER',
    ]);
  });

  it('refuses action types outside the actions measure, and ranges of too many periods', () => {
    expect(codesOf({ ...valid, dimensions: ['action_type'] })).toEqual([
      'dimensions:DIMENSION_NOT_APPLICABLE',
    ]);
    expect(codesOf({ ...valid, filters: { action_type: ['referral'] } })).toEqual([
      'filters.action_type:FILTER_NOT_APPLICABLE',
    ]);
    expect(codesOf({ ...valid, measure: 'actions', dimensions: ['action_type'] })).toEqual([]);
    expect(codesOf({ ...valid, period: 'month', from: '2000-01-01', to: '2025-01-01' })).toEqual([
      'to:RANGE_TOO_LONG',
    ]);
  });

  it('accepts free codes for directory dimensions but not text that could be anything', () => {
    expect(codesOf({ ...valid, filters: { consulate: ['MX-LAX'] } })).toEqual([]);
    expect(codesOf({ ...valid, filters: { consulate: ["MX' OR 1=1"] } })).toEqual([
      'filters.consulate:UNKNOWN_CODE',
    ]);
  });
});
