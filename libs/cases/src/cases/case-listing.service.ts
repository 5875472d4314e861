import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { Page, SortSpec, resolveSort } from '@amparo/core';
import { keysetPage } from '@amparo/database';
import { Caller, PostOfficers } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { CasePerson, Person, personFromJson, personJson } from '../persons/person';
import { PersonsService } from '../persons/persons.service';
import { PERSON_AGES_OF_CASE_SQL } from '../safeguards/child-case-facts';
import { ChildWhereaboutsPolicy, WhereaboutsDecision } from '../safeguards/child-whereabouts';
import { PersonAgeFacts } from '../safeguards/child-rules';
import { CASE_COLUMNS, CaseFilters, CaseRecord } from './case';
import { recordCaseEvent } from './case-audit';
import { caseFilterConditions } from './case-filter-conditions';
import { CaseLookup } from './case-lookup';
import { resolveWithoutConsul } from './without-consul-filter';

/** Sorts after every real due date: cases without a next step come last, in keyset order. */
export const NO_NEXT_STEP_DUE = '9999-12-31';

/**
 * The due date as `YYYY-MM-DD` text in byte order, which is date order: a date column would reach
 * the cursor through node-postgres as local midnight, and east of UTC as the day before.
 */
const NEXT_STEP_DUE_KEY = `to_char(COALESCE(c.next_step_due, DATE '${NO_NEXT_STEP_DUE}'), 'YYYY-MM-DD') COLLATE "C"`;

export const CASE_SORT: SortSpec = {
  fields: {
    openedAt: 'c.opened_at',
    updatedAt: 'c.updated_at',
    reference: 'c.reference',
    nextStepDue: NEXT_STEP_DUE_KEY,
  },
  types: { openedAt: 'timestamp', updatedAt: 'timestamp' },
  default: '-openedAt',
  tieBreaker: 'c.id',
};

/** Reading cases: one case by id, and pages of the cases in the caller's scope, both audited. */
/** A row of a page of cases: the case, the ages of its persons and its primary person. */
type PageRow = CaseRecord & {
  personAges: PersonAgeFacts[];
  primaryPerson: Parameters<typeof personFromJson>[0] | null;
};

/**
 * The page of cases every officer opens, narrowed by nothing but the caller's scope (and the
 * sort and cursor), keeps one generic plan: PostgreSQL judged it a hair costlier than a custom one
 * (2,855 against 2,735 at 1,000,000 cases) and planned the page, policies and all, on every request,
 * 1.5 ms of its CPU; the generic plan runs as fast. A filter keeps custom plans, which choose the
 * index for the filter's value (a rare status, say).
 */
const ONE_PLAN = { plan_cache_mode: 'force_generic_plan' } as const;

function narrowedByFilters({ sort: _sort, ...narrowing }: Omit<CaseFilters, 'cursor' | 'limit'>) {
  return Object.values(narrowing).some((value) => value !== undefined);
}

@Injectable()
export class CaseListingService {
  constructor(
    private readonly access: CaseAccess,
    private readonly lookup: CaseLookup,
    private readonly persons: PersonsService,
    private readonly audit: AuditService,
    private readonly officers: PostOfficers,
    private readonly whereabouts: ChildWhereaboutsPolicy,
  ) {}

  /**
   * One case with its persons (primary first), with an audit event for the read; 404 outside the
   * scope, 403 when restricted. The case and its persons are asked for together, and on a child's
   * case whether the caller sees where the child is (for `ChildWhereaboutsPolicy.view`), all in
   * the case's transaction: one wall and one commit, with the event written in the commit's round
   * trip (issue 20), and all of the same moment.
   */
  async get(
    caller: Caller,
    id: string,
  ): Promise<{ found: CaseRecord; persons: CasePerson[]; whereabouts: WhereaboutsDecision }> {
    return this.access.read(caller, async (m) => {
      // The case, whether the caller holds a break-the-glass grant on it, and its persons: one round
      // trip; the persons of a case the caller may not read are never returned.
      const [{ found, breakGlass }, personsOfCase] = await Promise.all([
        this.lookup.readableWithGrant(caller, id, m),
        this.persons.ofCasesIn(m, [id]),
      ]);
      const persons = personsOfCase.get(id) ?? [];
      const whereabouts = await this.whereabouts.decide(caller, found, persons, m, { breakGlass });
      await recordCaseEvent(
        this.audit,
        {
          action: 'case.read',
          caller,
          caseId: id,
          consulateId: found.consulateId,
          countryCode: found.countryCode,
        },
        m,
      );
      if (whereabouts !== 'not_a_child_case')
        await this.whereabouts.recordRead(caller, found, whereabouts, m);
      return { found, persons, whereabouts };
    });
  }

  /**
   * A page of the cases in the caller's scope, with each case's primary person (for the list's
   * name column, masked by the caller's role where the list is rendered) and the ages of all its
   * persons (a child anywhere on the case makes it a child's case).
   */
  async list(
    caller: Caller,
    filters: CaseFilters,
  ): Promise<
    Page<CaseRecord> & {
      primaries: Map<string, Person>;
      personAges: Map<string, PersonAgeFacts[]>;
    }
  > {
    const where = caseFilterConditions(await resolveWithoutConsul(filters, caller, this.officers));
    this.access.restrictToScope(where, caller);
    // The page with its primary persons in one statement, in a read transaction whose audit event
    // goes in the round trip of its commit (issue 20).
    const { cursor, limit, ...recorded } = filters;
    const page = await this.access.read(
      caller,
      async (manager) => {
        const page = await keysetPage<PageRow>(manager, {
          select: `SELECT ${CASE_COLUMNS}, ${PERSON_AGES_OF_CASE_SQL} AS "personAges",
                        ${personJson('c.primary_person_id')} AS "primaryPerson"`,
          from: 'FROM cases c',
          where,
          sort: resolveSort(filters.sort, CASE_SORT),
          tieBreaker: CASE_SORT.tieBreaker,
          cursor: filters.cursor,
          limit: filters.limit,
        });
        await recordCaseEvent(
          this.audit,
          {
            action: 'case.list',
            caller,
            consulateId: null,
            countryCode: caller.countryCode,
            details: { filters: recorded, returned: page.items.length },
          },
          manager,
        );
        return page;
      },
      { settings: narrowedByFilters(recorded) ? {} : ONE_PLAN },
    );
    const primaries = new Map(
      page.items
        .filter((c) => c.primaryPerson)
        .map((c) => [c.primaryPersonId, personFromJson(c.primaryPerson!)]),
    );
    return {
      nextCursor: page.nextCursor,
      items: page.items.map(({ personAges: _ages, primaryPerson: _primary, ...c }) => c),
      primaries,
      personAges: new Map(page.items.map((c) => [c.id, c.personAges])),
    };
  }
}
