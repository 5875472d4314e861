import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { Page, SortSpec, resolveSort } from '@amparo/core';
import { SqlConditions, keysetPage } from '@amparo/database';
import { Caller } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { Person } from '../persons/person';
import { PersonsService } from '../persons/persons.service';
import { CASE_COLUMNS, CaseFilters, CaseRecord } from './case';
import { recordCaseEvent } from './case-audit';
import { CaseLookup } from './case-lookup';

export const CASE_SORT: SortSpec = {
  fields: { openedAt: 'c.opened_at', updatedAt: 'c.updated_at', reference: 'c.reference' },
  types: { openedAt: 'timestamp', updatedAt: 'timestamp' },
  default: '-openedAt',
  tieBreaker: 'c.id',
};

/** Reading cases: one case by id, and pages of the cases in the caller's scope, both audited. */
@Injectable()
export class CaseListingService {
  constructor(
    private readonly access: CaseAccess,
    private readonly lookup: CaseLookup,
    private readonly persons: PersonsService,
    private readonly audit: AuditService,
  ) {}

  /** One case, with an audit event for the read; 404 outside the scope, 403 when restricted. */
  async get(caller: Caller, id: string): Promise<CaseRecord> {
    const found = await this.access.read(caller, (m) => this.lookup.readable(caller, id, m));
    await recordCaseEvent(this.audit, {
      action: 'case.read',
      caller,
      caseId: id,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
    });
    return found;
  }

  /**
   * A page of the cases in the caller's scope, with each case's primary person (for the list's
   * name column, masked by the caller's role where the list is rendered).
   */
  async list(
    caller: Caller,
    filters: CaseFilters,
  ): Promise<Page<CaseRecord> & { primaries: Map<string, Person> }> {
    const where = new SqlConditions()
      .addIf(filters.status?.length ? filters.status : undefined, 'c.status = ANY(?)')
      .addIf(filters.flag, '? = ANY(c.vulnerability_flags)')
      .addIf(filters.riskLevel, 'c.risk_level = ?')
      .addIf(filters.assignedOfficerId, 'c.assigned_officer_id = ?')
      .addIf(filters.consulateId, 'c.consulate_id = ?')
      .addIf(filters.openedFrom, 'c.opened_at >= ?')
      .addIf(filters.openedTo, 'c.opened_at < ?')
      .addIf(filters.closedFrom, 'c.closed_at >= ?')
      .addIf(filters.closedTo, 'c.closed_at < ?')
      .addIf(
        filters.nationalityCode,
        'EXISTS (SELECT 1 FROM persons p WHERE p.id = c.primary_person_id AND p.nationality_code = ?)',
      );
    if (filters.category) {
      const category = where.param(filters.category);
      where.add(`(c.primary_category = ${category} OR ${category} = ANY(c.secondary_categories))`);
    }
    this.access.restrictToScope(where, caller);
    // The page and its primary persons in one read transaction (one wall, one round trip fewer);
    // the audit event after it, on its own connection (the embedded database has only one).
    const { page, primaries } = await this.access.read(caller, async (manager) => {
      const page = await keysetPage<CaseRecord>(manager, {
        select: `SELECT ${CASE_COLUMNS}`,
        from: 'FROM cases c',
        where,
        sort: resolveSort(filters.sort, CASE_SORT),
        tieBreaker: CASE_SORT.tieBreaker,
        cursor: filters.cursor,
        limit: filters.limit,
      });
      const primaries = await this.persons.byIds(
        page.items.map((c) => c.primaryPersonId),
        manager,
      );
      return { page, primaries };
    });
    const { cursor, limit, ...recorded } = filters;
    await recordCaseEvent(this.audit, {
      action: 'case.list',
      caller,
      consulateId: null,
      countryCode: caller.countryCode,
      details: {
        filters: recorded,
        returned: page.items.length,
      },
    });
    return { ...page, primaries };
  }
}
