import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { SqlConditions } from '@amparo/database';
import { ConsulatesService, PostName } from '@amparo/directory';
import { Caller, PostOfficers, ScopeService } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { recordCaseEvent } from '../cases/case-audit';
import { Caseload, CaseloadQuery, OfficerCaseload, OpenCounts, PostCaseload } from './caseload';
import { CaseloadCounts, OpenCountRow } from './caseload-counts';
import { caseloadPeriod, dayAfter } from './caseload-period';

/**
 * The supervisor's dashboard: exact counts of the cases the caller may list one by one (GET
 * /cases's scope, restricted cases included as the list includes them), by post, by assignee and
 * over time. Operational figures, not publications: no disclosure control.
 */
@Injectable()
export class CaseloadService {
  constructor(
    private readonly access: CaseAccess,
    private readonly scopes: ScopeService,
    private readonly consulates: ConsulatesService,
    private readonly officers: PostOfficers,
    private readonly audit: AuditService,
  ) {}

  async caseload(caller: Caller, query: CaseloadQuery): Promise<Caseload> {
    const { today, from, to } = caseloadPeriod(query);
    const { consulateId } = query;
    if (consulateId !== undefined) await this.assertPostInScope(caller, consulateId);
    const scope = () => {
      const where = new SqlConditions();
      this.access.restrictToScope(where, caller);
      return where.addIf(consulateId, 'c.consulate_id = ?');
    };
    const { open, openedClosed } = await this.access.read(caller, async (manager) => {
      const counts = new CaseloadCounts(manager, scope);
      return {
        open: await counts.open(today),
        openedClosed: await counts.openedClosed(from, dayAfter(to)),
      };
    });
    const posts = await this.postsShown(caller, consulateId, open);
    const names = await this.officers.displayNames(
      open.flatMap((r) => (r.officerId ? [r.officerId] : [])),
    );
    const byPost = posts.map((post) => postCaseload(post, open));
    const caseload: Caseload = {
      today,
      from,
      to,
      totals: sum(open),
      byPost,
      byOfficer: officerCaseloads(open, names, posts),
      openedClosed,
    };
    await recordCaseEvent(this.audit, {
      action: 'case.caseload',
      caller,
      consulateId: consulateId ?? null,
      countryCode: caller.countryCode,
      details: { from, to, consulateId: consulateId ?? null, open: caseload.totals.open },
    });
    return caseload;
  }

  /**
   * A post asked for by id must be one the caller works or supervises. One outside (or unknown)
   * would only count zeros, which read as "no cases" rather than "not yours": refused.
   */
  private async assertPostInScope(caller: Caller, consulateId: string): Promise<void> {
    if (this.scopes.caseConsulates(caller).includes(consulateId)) return;
    const post = await this.consulates.locate(consulateId);
    if (post && this.scopes.supervisedCountries(caller).includes(post.countryCode)) return;
    throw new DomainError('FILTER_OUTSIDE_SCOPE', 'forbidden', {
      params: { filter: 'consulateId', value: consulateId },
      fieldErrors: [
        {
          field: 'consulateId',
          code: 'FILTER_OUTSIDE_SCOPE',
          message: {
            es: `Fuera de su alcance: ${consulateId}.`,
            en: `Outside your scope: ${consulateId}.`,
          },
        },
      ],
    });
  }

  /**
   * The posts in the caller's scope (or the one asked for): every active one, so a post without
   * open cases shows its zeros, and any inactive one that still has open cases.
   */
  private async postsShown(
    caller: Caller,
    consulateId: string | undefined,
    open: OpenCountRow[],
  ): Promise<PostName[]> {
    const counted = new Set(open.map((r) => r.consulateId));
    const within = consulateId
      ? { countries: [], consulateIds: [consulateId] }
      : {
          countries: this.scopes.supervisedCountries(caller),
          consulateIds: [...this.scopes.caseConsulates(caller), ...counted],
        };
    const posts = await this.consulates.names(within);
    return posts.filter((p) => p.active || counted.has(p.id));
  }
}

function sum(rows: OpenCounts[]): OpenCounts {
  const total: OpenCounts = { open: 0, overdueNextSteps: 0, closureRequested: 0, waiting: 0 };
  for (const r of rows) {
    total.open += r.open;
    total.overdueNextSteps += r.overdueNextSteps;
    total.closureRequested += r.closureRequested;
    total.waiting += r.waiting;
  }
  return total;
}

function postCaseload(post: PostName, open: OpenCountRow[]): PostCaseload {
  return {
    consulateId: post.id,
    postCode: post.postCode,
    name: post.name,
    ...sum(open.filter((r) => r.consulateId === post.id)),
  };
}

/** Posts in their order; at each, the unassigned cases first, then officers by name. */
function officerCaseloads(
  open: OpenCountRow[],
  names: Map<string, string>,
  posts: PostName[],
): OfficerCaseload[] {
  const order = new Map(posts.map((p, i) => [p.id, i]));
  return open
    .map((r) => ({
      officerId: r.officerId,
      displayName: r.officerId ? (names.get(r.officerId) ?? null) : null,
      consulateId: r.consulateId,
      open: r.open,
      overdueNextSteps: r.overdueNextSteps,
    }))
    .sort(
      (a, b) =>
        (order.get(a.consulateId) ?? 0) - (order.get(b.consulateId) ?? 0) ||
        Number(a.officerId !== null) - Number(b.officerId !== null) ||
        (a.displayName ?? '').localeCompare(b.displayName ?? '') ||
        (a.officerId ?? '').localeCompare(b.officerId ?? ''),
    );
}
