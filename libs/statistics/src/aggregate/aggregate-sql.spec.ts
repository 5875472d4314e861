import { StatisticsQuery } from '../model/statistics-query';
import { countCellsSql, mediansSql } from './aggregate-sql';

const scope = { countries: ['MX'], consulateIds: [] };
const query = (overrides: Partial<StatisticsQuery>): StatisticsQuery => ({
  measure: 'cases_opened',
  dimensions: [],
  period: 'year',
  from: '2026-01-01',
  to: '2026-12-31',
  filters: {},
  ...overrides,
});
/** The SQL on one line, spaces collapsed, so that the assertions read like the query. */
const sqlOf = (q: StatisticsQuery) => countCellsSql(q, scope).sql.replace(/\s+/g, ' ');

describe('countCellsSql for the cooperation measures', () => {
  it('counts referrals as their sending case, by the organisation type of the directory', () => {
    const sql = sqlOf(
      query({ measure: 'referrals', dimensions: ['organisation_type', 'referral_service'] }),
    );
    expect(sql).toContain(
      'FROM organisation_referrals_for_statistics r JOIN cases_for_statistics c ON c.id = r.case_id',
    );
    expect(sql).toContain('JOIN organisations_for_statistics o ON o.id = r.organisation_id');
    expect(sql).toContain('(o.type) AS d0');
    expect(sql).toContain(
      `(CASE cardinality(r.services) WHEN 1 THEN r.services[1] ELSE 'multiple' END) AS d1`,
    );
    expect(sql).toContain('r.created_at >= $1::timestamptz');
    // The caller's scope is the sending case's country or post.
    expect(sql).toContain('(c.country_code = ANY($3::bpchar[]))');
  });

  it('joins the organisations only when a dimension or filter needs them', () => {
    expect(sqlOf(query({ measure: 'referrals' }))).not.toContain('organisations_for_statistics');
    expect(
      sqlOf(query({ measure: 'referrals', filters: { organisation_type: ['civil_society'] } })),
    ).toContain('JOIN organisations_for_statistics o ON o.id = r.organisation_id');
  });

  it('counts assistance requests as the requesting case, by receiving country and kind', () => {
    const sql = sqlOf(
      query({
        measure: 'assistance_requests',
        dimensions: ['sending_country', 'receiving_country', 'assistance_kind'],
      }),
    );
    expect(sql).toContain(
      'FROM assistance_requests_for_statistics ar JOIN cases_for_statistics c ON c.id = ar.requesting_case_id',
    );
    expect(sql).toContain(
      '(c.country_code::text) AS d0, (ar.receiving_country_code::text) AS d1, (ar.kind) AS d2',
    );
    expect(sql).toContain('ar.requested_at < $2::timestamptz');
  });

  it('counts only accepted transfers, on the day they were decided', () => {
    const sql = sqlOf(query({ measure: 'transfers', dimensions: ['period'] }));
    expect(sql).toContain(
      `FROM case_transfers_for_statistics t JOIN cases_for_statistics c ON c.id = t.case_id AND t.status = 'accepted'`,
    );
    expect(sql).toContain('t.decided_at >= $1::timestamptz');
  });
});

describe('mediansSql for the notification delay', () => {
  const medianOf = (q: StatisticsQuery) => mediansSql(q, scope).sql.replace(/\s+/g, ' ');

  it('takes the median, then the 90th percentile, of hours from arrest to notification, by the day of the notification', () => {
    const median = medianOf(query({ measure: 'notification_delay', dimensions: ['host_country'] }));
    expect(median).toContain('percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median');
    expect(median).toContain('extract(epoch FROM (dt.notified_at - dt.arrested_at)) / 3600.0 AS v');
    expect(median).toContain(
      'FROM case_detentions_for_statistics dt JOIN cases_for_statistics c ON c.id = dt.case_id',
    );
    expect(median).toContain('(co.host_country_code::text) AS d0');
    expect(median).toContain('dt.notified_at >= $1::timestamptz');
    expect(median).toContain('GROUP BY CUBE(d0)');
    const p90 = medianOf(query({ measure: 'notification_delay_p90' }));
    expect(p90).toContain('percentile_cont(0.9) WITHIN GROUP (ORDER BY v) AS median');
  });

  it('describes the detained person, not the primary person, by sex and age', () => {
    const sql = medianOf(
      query({ measure: 'notification_delay', dimensions: ['sex', 'age_group'] }),
    );
    expect(sql).toContain('JOIN persons_for_statistics p ON p.id = dt.person_id');
    expect(sql).not.toContain('c.primary_person_id');
  });

  it('keeps days to closure as it was', () => {
    const sql = medianOf(query({ measure: 'median_days_to_closure' }));
    expect(sql).toContain('percentile_cont(0.5)');
    expect(sql).toContain('extract(epoch FROM (c.closed_at - c.opened_at)) / 86400.0 AS v');
  });
});

describe('countCellsSql for the person and case dimensions of issue 18', () => {
  it('reads the origin from the person of every source, and only returns fall back on the movement', () => {
    const cases = sqlOf(query({ dimensions: ['origin_subdivision'] }));
    expect(cases).toContain(`(COALESCE(p.origin_subdivision_code, '_U')) AS d0`);
    expect(cases).toContain('JOIN persons_for_statistics p ON p.id = c.primary_person_id');
    const returns = sqlOf(query({ measure: 'returns', dimensions: ['origin_subdivision'] }));
    expect(returns).toContain(
      `(COALESCE(p.origin_subdivision_code, rp.to_subdivision_code, '_U')) AS d0`,
    );
    expect(returns).toContain('JOIN persons_for_statistics p ON p.id = rp.person_id');
  });

  it('filters with the same per-source SQL as it groups by', () => {
    const sql = sqlOf(query({ measure: 'returns', filters: { origin_subdivision: ['MX-OAX'] } }));
    expect(sql).toContain(
      `(COALESCE(p.origin_subdivision_code, rp.to_subdivision_code, '_U')) = ANY($`,
    );
  });

  it('joins the person for nationality and gender, and not for the case’s own codes', () => {
    const persons = sqlOf(
      query({ measure: 'persons_assisted', dimensions: ['nationality', 'gender'] }),
    );
    expect(persons).toContain('JOIN persons_for_statistics p ON p.id = cp.person_id');
    expect(persons).toContain(`(p.nationality_code::text) AS d0, (COALESCE(p.gender, '_U')) AS d1`);
    const caseOnly = sqlOf(query({ dimensions: ['host_country_role', 'temporary_worker'] }));
    expect(caseOnly).not.toContain('persons_for_statistics');
    expect(caseOnly).toContain(`(COALESCE(c.host_country_role, '_U')) AS d0`);
    expect(caseOnly).toContain(`(CASE WHEN c.temporary_worker THEN 'Y' ELSE 'N' END) AS d1`);
  });
});
