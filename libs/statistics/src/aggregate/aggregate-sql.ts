import { SqlConditions } from '@amparo/database';
import {
  AGE_LATERAL_JOIN,
  DIMENSIONS,
  DimensionId,
  FactSource,
  dimensionSql,
} from '../model/dimensions';
import { MEASURES } from '../model/measures';
import { dayAfter, periodCodeSql, periodsBetween, utcDate } from '../model/periods';
import { FilterId, StatisticsQuery } from '../model/statistics-query';
import { StatisticsScope } from './statistics-scope';

export interface AggregateSql {
  readonly sql: string;
  readonly params: unknown[];
}

/**
 * The inner cells of a count measure: one row per combination of codes that occurs, with columns
 * `d0`..`d2` (the codes, in the query's dimension order) and `n` (the count). Margins are not
 * computed here: they are sums of inner cells, added by the disclosure-controlled table.
 */
export function countCellsSql(query: StatisticsQuery, scope: StatisticsScope): AggregateSql {
  const { select, from, conditions } = factRows(query, scope);
  const groups = query.dimensions.map((_, i) => `${i + 1}`);
  return {
    sql: `SELECT ${[...select, 'count(*)::bigint AS n'].join(', ')}
            ${from} ${conditions.where}
            ${groups.length ? `GROUP BY ${groups.join(', ')}` : ''}`,
    params: conditions.params,
  };
}

/**
 * The measure's quantile (the median of days to closure, the median or 90th percentile of hours to
 * notification) for every cell, margins included (GROUP BY CUBE), with the count of rows behind
 * each: a quantile is published only where that count is.
 * `g` is GROUPING(): bit i (from the left) set when dimension i is totalled.
 */
export function mediansSql(query: StatisticsQuery, scope: StatisticsScope): AggregateSql {
  const { select, from, conditions } = factRows(query, scope);
  const measure = MEASURES[query.measure];
  const dims = query.dimensions.map((_, i) => `d${i}`);
  const grouping = dims.length ? `GROUPING(${dims.join(', ')})` : '0';
  return {
    sql: `SELECT ${[
      ...dims,
      `${grouping} AS g`,
      'count(*)::bigint AS n',
      `percentile_cont(${measure.quantile ?? 0.5}) WITHIN GROUP (ORDER BY v) AS median`,
    ].join(', ')}
          FROM (SELECT ${[...select, `${measure.value} AS v`].join(', ')} ${from} ${conditions.where}) f
          ${dims.length ? `GROUP BY CUBE(${dims.join(', ')})` : ''}`,
    params: conditions.params,
  };
}

function factRows(query: StatisticsQuery, scope: StatisticsScope) {
  const measure = MEASURES[query.measure];
  const conditions = new SqlConditions();
  const used = new Set<DimensionId | FilterId>([
    ...query.dimensions,
    ...(Object.keys(query.filters) as FilterId[]),
  ]);
  const joins: string[] = [];
  const sqlOf = (id: DimensionId) => dimensionSql(DIMENSIONS[id], measure.source);
  let from: string;
  let periodSql: string;

  if (measure.date === null) {
    // A stock: each case open at a period's end counts in that period.
    const periods = query.dimensions.includes('period')
      ? periodsBetween(query.period, query.from, query.to)
      : [{ code: '_T', endsAt: dayAfter(query.to) }];
    const codes = conditions.param(periods.map((p) => p.code));
    const ends = conditions.param(periods.map((p) => p.endsAt.toISOString()));
    from = `FROM cases_for_statistics c JOIN unnest(${codes}::text[], ${ends}::timestamptz[]) AS pe(code, ends_at)
              ON c.opened_at < pe.ends_at AND (c.closed_at IS NULL OR c.closed_at >= pe.ends_at)`;
    periodSql = 'pe.code';
  } else {
    from = SOURCE_ROWS[measure.source];
    conditions.add(`${measure.date} >= ?::timestamptz`, utcDate(query.from).toISOString());
    conditions.add(`${measure.date} < ?::timestamptz`, dayAfter(query.to).toISOString());
    periodSql = periodCodeSql(query.period, measure.date);
  }
  if (['consulate', 'host_country'].some((d) => used.has(d as DimensionId))) {
    joins.push('JOIN consulates_for_statistics co ON co.id = c.consulate_id');
  }
  const usedDimensions = [...used].filter((id): id is DimensionId => id in DIMENSIONS);
  if (usedDimensions.some((id) => DIMENSIONS[id].needsPerson)) {
    joins.push(`JOIN persons_for_statistics p ON p.id = ${PERSON_OF[measure.source]}`);
  }
  if (used.has('age_group')) joins.push(AGE_LATERAL_JOIN);
  if (used.has('organisation_type')) {
    joins.push('JOIN organisations_for_statistics o ON o.id = r.organisation_id');
  }

  if (measure.source === 'action') {
    // A corrected action is replaced by its correction; count each action once.
    conditions.add(
      'NOT EXISTS (SELECT 1 FROM consular_actions_for_statistics x WHERE x.corrects_action_id = a.id)',
    );
  }
  // Cases closed as duplicates would count the same person and events twice.
  conditions.add(`c.closure_reason IS DISTINCT FROM 'duplicate'`);
  addScope(conditions, scope);
  for (const [id, values] of Object.entries(query.filters) as [FilterId, string[]][]) {
    if (id === 'vulnerability_flag') conditions.add('c.vulnerability_flags && ?::text[]', values);
    else conditions.add(`(${sqlOf(id)}) = ANY(?::text[])`, values);
  }
  const select = query.dimensions.map(
    (d, i) => `(${d === 'period' ? periodSql : sqlOf(d)}) AS d${i}`,
  );
  return { select, from: `${from} ${joins.join(' ')}`, conditions };
}

/**
 * The rows of each source with their case as `c`. A referral and an assistance request are the
 * sending case's; a transfer counts once decided as accepted (a rejected or cancelled proposal moved
 * nothing); a detention counts once notified (its date is the notification's); a return counts each
 * person returned on a completed movement.
 */
const SOURCE_ROWS: Record<FactSource, string> = {
  case: 'FROM cases_for_statistics c',
  action: 'FROM consular_actions_for_statistics a JOIN cases_for_statistics c ON c.id = a.case_id',
  person: 'FROM case_persons_for_statistics cp JOIN cases_for_statistics c ON c.id = cp.case_id',
  referral:
    'FROM organisation_referrals_for_statistics r JOIN cases_for_statistics c ON c.id = r.case_id',
  assistance_request: `FROM assistance_requests_for_statistics ar
    JOIN cases_for_statistics c ON c.id = ar.requesting_case_id`,
  transfer: `FROM case_transfers_for_statistics t
    JOIN cases_for_statistics c ON c.id = t.case_id AND t.status = 'accepted'`,
  detention:
    'FROM case_detentions_for_statistics dt JOIN cases_for_statistics c ON c.id = dt.case_id',
  return: 'FROM return_persons_for_statistics rp JOIN cases_for_statistics c ON c.id = rp.case_id',
};

/**
 * The person `p` of a source's row: the linked person, the detained person, the returned person, else
 * the primary.
 */
const PERSON_OF: Record<FactSource, string> = {
  case: 'c.primary_person_id',
  action: 'c.primary_person_id',
  person: 'cp.person_id',
  referral: 'c.primary_person_id',
  assistance_request: 'c.primary_person_id',
  transfer: 'c.primary_person_id',
  detention: 'dt.person_id',
  return: 'rp.person_id',
};

function addScope(conditions: SqlConditions, scope: StatisticsScope): void {
  const parts: string[] = [];
  // bpchar[], the column's own type (char(2)): against text[] the column is cast to text, which
  // hides its statistics and its index from the planner (it then guesses 0.5% of the cases per
  // country, and picks plans for a few thousand rows when there are a million).
  if (scope.countries.length)
    parts.push(`c.country_code = ANY(${conditions.param(scope.countries)}::bpchar[])`);
  if (scope.consulateIds.length) {
    parts.push(`c.consulate_id = ANY(${conditions.param(scope.consulateIds)}::uuid[])`);
  }
  conditions.add(parts.length ? `(${parts.join(' OR ')})` : 'false');
}
