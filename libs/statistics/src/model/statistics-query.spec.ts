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

  it('offers the cooperation dimensions only to the measures whose rows they describe', () => {
    expect(
      codesOf({
        ...valid,
        measure: 'referrals',
        dimensions: ['organisation_type', 'referral_service'],
      }),
    ).toEqual([]);
    expect(
      codesOf({
        ...valid,
        measure: 'assistance_requests',
        dimensions: ['receiving_country', 'assistance_kind'],
      }),
    ).toEqual([]);
    // Every case dimension still applies: each row of the new measures is also its case.
    expect(
      codesOf({ ...valid, measure: 'transfers', dimensions: ['consulate', 'category', 'sex'] }),
    ).toEqual([]);
    for (const [measure, dimension] of [
      ['cases_opened', 'organisation_type'],
      ['assistance_requests', 'referral_service'],
      ['referrals', 'receiving_country'],
      ['transfers', 'assistance_kind'],
      ['referrals', 'action_type'],
    ]) {
      expect(codesOf({ ...valid, measure, dimensions: [dimension] })).toEqual([
        'dimensions:DIMENSION_NOT_APPLICABLE',
      ]);
    }
    expect(
      codesOf({
        ...valid,
        measure: 'transfers',
        filters: { organisation_type: ['civil_society'] },
      }),
    ).toEqual(['filters.organisation_type:FILTER_NOT_APPLICABLE']);
    expect(
      codesOf({
        ...valid,
        measure: 'referrals',
        filters: { referral_service: ['multiple', 'shelter'] },
      }),
    ).toEqual([]);
    expect(
      codesOf({ ...valid, measure: 'referrals', filters: { referral_service: ['spa'] } }),
    ).toEqual(['filters.referral_service:UNKNOWN_CODE']);
  });

  it('says which measures a refused dimension applies to, in both languages', () => {
    const parsed = parseStatisticsQuery({ ...valid, dimensions: ['receiving_country'] });
    expect(parsed).toEqual({
      errors: [
        expect.objectContaining({
          field: 'dimensions',
          code: 'DIMENSION_NOT_APPLICABLE',
          message: {
            es: 'La dimensión receiving_country no aplica a la medida cases_opened; solo a: assistance_requests.',
            en: 'Dimension receiving_country does not apply to measure cases_opened; only to: assistance_requests.',
          },
        }),
      ],
    });
  });
});
