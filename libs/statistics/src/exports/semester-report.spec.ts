import { MAX_DIMENSIONS, fitsMeasure } from '../model/statistics-query';
import { SEMESTER_REPORT_EXPORTS, lastEndedSemester } from './semester-report.handler';

describe('lastEndedSemester', () => {
  it('reports the second semester of last year in January, the first of this year in July', () => {
    expect(lastEndedSemester(new Date('2026-01-15T03:00:00Z'))).toEqual({
      code: '2025-S2',
      from: '2025-07-01',
      to: '2025-12-31',
    });
    expect(lastEndedSemester(new Date('2026-07-15T03:00:00Z'))).toEqual({
      code: '2026-S1',
      from: '2026-01-01',
      to: '2026-06-30',
    });
  });
});

describe('SEMESTER_REPORT_EXPORTS', () => {
  it.each(SEMESTER_REPORT_EXPORTS.map((set) => [set.name, set] as const))(
    '%s: every dimension describes every measure, and there are at most as many as a query allows',
    (_name, set) => {
      expect(set.dimensions.length).toBeLessThanOrEqual(MAX_DIMENSIONS);
      for (const measure of set.measures)
        for (const dimension of set.dimensions.filter((d) => d !== 'period'))
          expect(`${measure} by ${dimension}: ${fitsMeasure(dimension, measure)}`).toBe(
            `${measure} by ${dimension}: true`,
          );
    },
  );

  it.each([
    ['cases_opened', ['period', 'category']],
    ['cases_opened', ['host_country']],
    ['returns', ['return_mode']],
    ['notification_delay', []],
  ] as const)(
    'has an export that answers the semester report’s table of %s by %j',
    (measure, dims) => {
      expect(
        SEMESTER_REPORT_EXPORTS.some(
          (set) =>
            set.measures.includes(measure) &&
            dims.every((d) => (set.dimensions as readonly string[]).includes(d)),
        ),
      ).toBe(true);
    },
  );
});
