import { lastEndedSemester } from './semester-report.handler';

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
