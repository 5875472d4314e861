import { SqlConditions } from '@amparo/database';
import { EntityManager } from 'typeorm';
import { MonthCategoryCount, OpenCounts } from './caseload';

/** The not-closed cases of one post and one assignee (null: nobody). */
export interface OpenCountRow extends OpenCounts {
  consulateId: string;
  officerId: string | null;
}

/**
 * Every figure of the caseload in two aggregate queries over `scope` (the caller's scope, and the
 * post asked for): the not-closed cases by post and assignee, then the cases opened and closed
 * per month and category. "Closed" is what GET /cases filters by closedFrom/closedTo: the cases
 * closed now whose closing time falls in the month (a reopened case has none).
 */
export class CaseloadCounts {
  constructor(
    private readonly manager: EntityManager,
    /** A fresh copy per query: each query numbers its own parameters. */
    private readonly scope: () => SqlConditions,
  ) {}

  async open(today: string): Promise<OpenCountRow[]> {
    const scope = this.scope();
    const day = scope.param(today);
    return this.manager.query<OpenCountRow[]>(
      `SELECT c.consulate_id AS "consulateId", c.assigned_officer_id AS "officerId",
              count(*)::int AS open,
              count(*) FILTER (WHERE c.next_step_due < ${day}::date)::int AS "overdueNextSteps",
              count(*) FILTER (WHERE c.status = 'closure_requested')::int AS "closureRequested",
              count(*) FILTER (WHERE c.status = 'waiting')::int AS waiting
         FROM cases c ${scope.where} AND c.status <> 'closed'
        GROUP BY c.consulate_id, c.assigned_officer_id`,
      scope.params,
    );
  }

  /**
   * A case counts once under each of its categories, primary and secondary, as GET /cases's
   * category filter finds it: the categories of a month do not add up to its cases.
   */
  async openedClosed(from: string, end: string): Promise<MonthCategoryCount[]> {
    const scope = this.scope();
    const start = scope.param(`${from}T00:00:00.000Z`);
    const stop = scope.param(`${end}T00:00:00.000Z`);
    // Grouped by month and category set before the sets are unnested: a few hundred groups
    // instead of one unnest per case (the period of a large country holds 100,000s).
    const branch = (column: 'opened_at' | 'closed_at', opened: boolean) =>
      `SELECT date_trunc('month', c.${column} AT TIME ZONE 'UTC') AS month, c.primary_category,
              c.secondary_categories, ${opened ? 'count(*)' : '0'} AS opened,
              ${opened ? '0' : 'count(*)'} AS closed
         FROM cases c ${scope.where}
          AND c.${column} >= ${start}::timestamptz AND c.${column} < ${stop}::timestamptz
        GROUP BY 1, 2, 3`;
    return this.manager.query<MonthCategoryCount[]>(
      `SELECT to_char(e.month, 'YYYY-MM') AS month, k.category,
              sum(e.opened)::int AS opened, sum(e.closed)::int AS closed
         FROM (${branch('opened_at', true)} UNION ALL ${branch('closed_at', false)}) e
        CROSS JOIN LATERAL (SELECT DISTINCT unnest(array_prepend(e.primary_category, e.secondary_categories))
                              AS category) k
        GROUP BY e.month, k.category
        ORDER BY e.month, k.category`,
      scope.params,
    );
  }
}
