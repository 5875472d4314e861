import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { Caller, PostOfficers } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { recordCaseEvent } from '../cases/case-audit';
import { caseFilterConditions } from '../cases/case-filter-conditions';
import { resolveWithoutConsul } from '../cases/without-consul-filter';
import {
  CLOSURE_APPROVALS_TAB,
  WorkQueue,
  WorkQueueTab,
  WorkQueueTabId,
  caseTabFilters,
  utcDate,
} from './work-queue';

/** Tabs whose cases have next steps to be late on; the others count no overdue. */
const COUNTS_OVERDUE: WorkQueueTabId[] = ['mine', 'next_steps', 'waiting'];

/** A statement's `$n` placeholders moved by `offset`, to join it to others in one statement. */
const shifted = (sql: string, offset: number) =>
  sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);

/**
 * The officer's and consul's work queue: how many cases wait in each tab, counted by the filters
 * `GET /cases` lists the tab with, in the list's scope and behind the same row-security wall.
 */
@Injectable()
export class WorkQueueService {
  constructor(
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly officers: PostOfficers,
  ) {}

  async of(caller: Caller, now = new Date()): Promise<WorkQueue> {
    const worksPosts = caller.grants.some((g) => g.role === 'officer' || g.role === 'consul');
    const supervises = caller.grants.some((g) => g.role === 'supervisor');
    if (!worksPosts && !supervises) throw new DomainError('FORBIDDEN', 'forbidden');
    const today = utcDate(now);
    const reviewPosts = caller.permissions.has('cases:read_restricted')
      ? this.access.consulPosts(caller)
      : [];
    const tabs = [
      ...(worksPosts
        ? caseTabFilters(caller.userId, now, {
            approvesClosures: caller.permissions.has('cases:approve_closure'),
          })
        : []),
      ...(supervises ? [CLOSURE_APPROVALS_TAB] : []),
    ];
    // One statement, one index range per tab: each arm is the tab's list query, counted.
    // `$1` is today only when a tab counts overdue steps (a supervisor's queue has none).
    const params: unknown[] = tabs.some((t) => COUNTS_OVERDUE.includes(t.id)) ? [today] : [];
    const resolved = await Promise.all(
      tabs.map((t) => resolveWithoutConsul(t.filter, caller, this.officers)),
    );
    const arms = tabs.map(({ id }, i) => {
      const where = caseFilterConditions(resolved[i]);
      this.access.restrictToScope(where, caller);
      const overdue = COUNTS_OVERDUE.includes(id)
        ? 'count(*) FILTER (WHERE c.next_step_due < $1::date)'
        : 'NULL::bigint';
      const sql = `SELECT '${id}' AS id, count(*) AS count, ${overdue} AS overdue
                     FROM cases c ${shifted(where.where, params.length)}`;
      params.push(...where.params);
      return sql;
    });
    if (reviewPosts.length) {
      params.push(reviewPosts);
      arms.push(`SELECT 'access_requests' AS id, count(*) AS count, NULL::bigint AS overdue
                   FROM case_access_requests r JOIN cases c ON c.id = r.case_id
                  WHERE c.consulate_id = ANY($${params.length}::uuid[]) AND r.reviewed_at IS NULL`);
    }
    const rows = await this.access.read(caller, (m) =>
      m.query<{ id: WorkQueueTabId; count: string; overdue: string | null }[]>(
        arms.join('\nUNION ALL\n'),
        params,
      ),
    );
    const counted = new Map(rows.map((r) => [r.id, r]));
    const result: WorkQueueTab[] = [
      ...tabs,
      ...(reviewPosts.length ? [{ id: 'access_requests' as const, filter: {} }] : []),
    ].map(({ id, filter }) => {
      const row = counted.get(id)!;
      return {
        id,
        count: Number(row.count),
        overdue: row.overdue === null ? null : Number(row.overdue),
        filter,
      };
    });
    await recordCaseEvent(this.audit, {
      action: 'case.work_queue.read',
      caller,
      consulateId: null,
      countryCode: caller.countryCode,
      details: { counts: Object.fromEntries(result.map((t) => [t.id, t.count])) },
    });
    return { today, tabs: result };
  }
}
