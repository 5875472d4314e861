import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError, FieldError, Page, SortSpec, resolveSort } from '@amparo/core';
import { SqlConditions, keysetPage, updateReturning } from '@amparo/database';
import { ConsulatesService, ReferenceChecks } from '@amparo/directory';
import { Caller, PostOfficers } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AccessRequestsService } from '../access/access-requests.service';
import { CaseAccess } from '../access/case-access';
import { recordHistory } from '../history/case-history';
import {
  personProblems,
  repeatedPersonProblem,
  unknownPersonProblem,
} from '../persons/person-rules';
import { Person } from '../persons/person';
import { PersonsService } from '../persons/persons.service';
import { assertTransitionAllowed } from '../workflow/case-workflow';
import { CASE_COLUMNS, CaseChanges, CaseFilters, CaseRecord, NewCase } from './case';
import { assertAssignable } from './case-assignee';
import { recordCaseEvent } from './case-audit';
import './case-errors';
import { CreatedCase, mustBeRestricted, registerCase } from './case-registration';

export const CASE_SORT: SortSpec = {
  fields: { openedAt: 'c.opened_at', updatedAt: 'c.updated_at', reference: 'c.reference' },
  types: { openedAt: 'timestamp', updatedAt: 'timestamp' },
  default: '-openedAt',
  tieBreaker: 'c.id',
};

export interface TransitionRequest {
  to: CaseRecord['status'];
  reason?: string;
  closureReason?: CaseRecord['closureReason'] & string;
  duplicateOf?: string;
}

const notFound = () => new DomainError('CASE_NOT_FOUND', 'not_found');
const invalid = (fieldErrors: FieldError[]) =>
  new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors });

/** Protection cases: registered and worked at one post, supervised by the country. */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly accessRequests: AccessRequestsService,
    private readonly persons: PersonsService,
    private readonly checks: ReferenceChecks,
    private readonly audit: AuditService,
    private readonly consulates: ConsulatesService,
    private readonly officers: PostOfficers,
  ) {}

  /** Registers a case at a post the caller works, after checking every field (registerCase). */
  async create(caller: Caller, input: NewCase, now = new Date()): Promise<CreatedCase> {
    const post = await this.consulates.locate(input.consulateId);
    if (
      !post ||
      !this.access.worksCase(caller, {
        consulateId: post.id,
        countryCode: post.countryCode,
        assignedOfficerId: null,
        restricted: false,
      })
    ) {
      throw new DomainError('NOT_YOUR_POST', 'forbidden');
    }
    if (!post.active) throw new DomainError('CONSULATE_INACTIVE', 'conflict');
    await this.validateNewCase(caller, input, post.countryCode, now);
    if (input.assignedOfficerId)
      await assertAssignable(this.officers, input.assignedOfficerId, post.id);
    return this.access.write(caller, (manager) =>
      registerCase(
        manager,
        { persons: this.persons, audit: this.audit },
        { post, caller, input, now },
      ),
    );
  }

  /** One case, with an audit event for the read; 404 outside the scope, 403 when restricted. */
  async get(caller: Caller, id: string): Promise<CaseRecord> {
    const found = await this.access.read(caller, (m) => this.readable(caller, id, m));
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
    const page = await this.access.read(caller, (manager) =>
      keysetPage<CaseRecord>(manager, {
        select: `SELECT ${CASE_COLUMNS}`,
        from: 'FROM cases c',
        where,
        sort: resolveSort(filters.sort, CASE_SORT),
        tieBreaker: CASE_SORT.tieBreaker,
        cursor: filters.cursor,
        limit: filters.limit,
      }),
    );
    const { cursor, limit, ...recorded } = filters;
    // The audit event and the persons are written and read side by side, on two connections: the
    // list waits for one round trip, not two. Both end before the page is answered.
    const [primaries] = await Promise.all([
      this.access.read(caller, (m) =>
        this.persons.byIds(
          page.items.map((c) => c.primaryPersonId),
          m,
        ),
      ),
      recordCaseEvent(this.audit, {
        action: 'case.list',
        caller,
        consulateId: null,
        countryCode: caller.countryCode,
        details: {
          filters: recorded,
          returned: page.items.length,
        },
      }),
    ]);
    return { ...page, primaries };
  }

  async update(
    caller: Caller,
    id: string,
    expectedVersion: number,
    changes: CaseChanges,
    now = new Date(),
  ): Promise<CaseRecord> {
    const current = await this.access.read(caller, (m) => this.workable(caller, id, m));
    assertVersion(current, expectedVersion);
    const next = {
      ...current,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    } as CaseRecord;
    const problems = await this.placeOfEventProblems(next);
    if (problems.length) throw invalid(problems);
    next.restricted = next.restricted || mustBeRestricted(next);
    // Lifting the restriction exposes safety-critical data to the whole post: the consul decides.
    if (
      current.restricted &&
      !next.restricted &&
      !this.access.rolesOn(caller, current).includes('consul')
    ) {
      throw new DomainError('RESTRICTION_NEEDS_CONSUL', 'forbidden');
    }
    if (changes.consent)
      next.consent = {
        ...changes.consent,
        recordedBy: caller.userId,
        recordedAt: now.toISOString(),
      };
    return this.access.write(caller, (manager) =>
      this.writeAndRecord(
        manager,
        caller,
        current,
        expectedVersion,
        {
          primary_category: next.primaryCategory,
          secondary_categories: next.secondaryCategories,
          vulnerability_flags: next.vulnerabilityFlags,
          risk_level: next.riskLevel,
          event_country_code: next.eventCountryCode,
          event_subdivision_code: next.eventSubdivisionCode,
          event_city: next.eventCity,
          summary: next.summary,
          consent: JSON.stringify(next.consent),
          restricted: next.restricted,
        },
        'case.update',
      ),
    );
  }

  async transition(
    caller: Caller,
    id: string,
    expectedVersion: number,
    request: TransitionRequest,
    now = new Date(),
  ): Promise<CaseRecord> {
    const current = await this.access.read(caller, (m) => this.readable(caller, id, m));
    assertVersion(current, expectedVersion);
    // Approving a closure request keeps the requested reason unless the consul gives another.
    if (
      current.status === 'closure_requested' &&
      request.to === 'closed' &&
      !request.closureReason
    ) {
      request = { ...request, closureReason: current.requestedClosureReason ?? undefined };
    }
    assertTransitionAllowed({
      from: current.status,
      to: request.to,
      roles: this.access.rolesOn(caller, current),
      reason: request.reason,
      closureReason: request.closureReason,
      duplicateOf: request.duplicateOf,
      flags: current.vulnerabilityFlags,
      riskLevel: current.riskLevel,
    });
    const closing = request.to === 'closed';
    if (closing && request.closureReason === 'duplicate')
      await this.assertSurvivingCase(caller, current, request.duplicateOf!);
    const changes = {
      status: request.to,
      closed_at: closing ? now : null,
      closure_reason: closing ? request.closureReason : null,
      requested_closure_reason: request.to === 'closure_requested' ? request.closureReason : null,
      duplicate_of_case_id:
        closing && request.closureReason === 'duplicate' ? request.duplicateOf : null,
    };
    // The reason is narrative about the person: kept in the case's history, never in the audit log.
    const reason = request.reason?.trim() || null;
    return this.access.write(caller, (manager) =>
      this.writeAndRecord(
        manager,
        caller,
        current,
        expectedVersion,
        changes,
        'case.transition',
        { from: current.status, to: request.to, closureReason: request.closureReason },
        reason,
      ),
    );
  }

  async assign(
    caller: Caller,
    id: string,
    expectedVersion: number,
    officerId: string,
  ): Promise<CaseRecord> {
    const current = await this.access.read(caller, (m) => this.readable(caller, id, m));
    const roles = this.access.rolesOn(caller, current);
    if (!roles.includes('consul') && !roles.includes('supervisor'))
      throw new DomainError('FORBIDDEN', 'forbidden');
    assertVersion(current, expectedVersion);
    await assertAssignable(this.officers, officerId, current.consulateId);
    return this.access.write(caller, (manager) =>
      this.writeAndRecord(
        manager,
        caller,
        current,
        expectedVersion,
        { assigned_officer_id: officerId },
        'case.assign',
        { from: current.assignedOfficerId, to: officerId },
      ),
    );
  }

  /**
   * A case in scope whose content the caller may read: restricted ones only for the assigned officer,
   * the consul, or someone holding an unexpired break-the-glass grant.
   */
  async readable(caller: Caller, id: string, manager?: EntityManager): Promise<CaseRecord> {
    const found = await this.find(id, manager);
    if (!found || !this.access.inScope(caller, found)) throw notFound();
    const allowed =
      this.access.seesRestrictedContent(caller, found) ||
      (await this.accessRequests.hasActiveGrant(caller.userId, id, manager));
    if (!allowed) throw new DomainError('CASE_RESTRICTED', 'forbidden');
    return found;
  }

  /** A readable case the caller works (officer or consul of its post). */
  async workable(caller: Caller, id: string, manager?: EntityManager): Promise<CaseRecord> {
    const found = await this.readable(caller, id, manager);
    if (!this.access.worksCase(caller, found)) throw new DomainError('FORBIDDEN', 'forbidden');
    return found;
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CaseRecord | null> {
    if (!isUUID(id)) return null;
    const [row] = await manager.query<CaseRecord[]>(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** A versioned write with its field-level history and audit event, in the caller's transaction. */
  private async writeAndRecord(
    manager: EntityManager,
    caller: Caller,
    current: CaseRecord,
    expectedVersion: number,
    columns: Record<string, unknown>,
    action: string,
    details: Record<string, unknown> = {},
    statusReason: string | null = null,
  ): Promise<CaseRecord> {
    await this.writeVersioned(manager, current.id, expectedVersion, columns);
    const after = (await this.find(current.id, manager))!;
    const fields = await recordHistory(
      manager,
      current.id,
      caller.userId,
      current as unknown as Record<string, unknown>,
      after as unknown as Record<string, unknown>,
      statusReason,
    );
    await recordCaseEvent(
      this.audit,
      {
        action,
        caller,
        caseId: current.id,
        consulateId: current.consulateId,
        countryCode: current.countryCode,
        details: {
          ...details,
          fields,
        },
      },
      manager,
    );
    return after;
  }

  /** The version check and the write are one statement: of two writers of one version, one wins. */
  private async writeVersioned(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    columns: Record<string, unknown>,
  ): Promise<void> {
    const names = Object.keys(columns);
    const rows = await updateReturning(
      manager,
      `UPDATE cases SET ${names.map((name, i) => `${name} = $${i + 3}`).join(', ')}, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING id`,
      [id, expectedVersion, ...Object.values(columns)],
    );
    if (rows.length === 0) throw new DomainError('VERSION_CONFLICT', 'precondition_failed');
  }

  private async assertSurvivingCase(
    caller: Caller,
    current: CaseRecord,
    survivorId: string,
  ): Promise<void> {
    const survivor = await this.access.read(caller, (m) => this.find(survivorId, m));
    if (
      !survivor ||
      survivor.id === current.id ||
      survivor.countryCode !== current.countryCode ||
      !this.access.inScope(caller, survivor)
    ) {
      throw invalid([
        {
          field: 'duplicateOf',
          code: 'NOT_A_SURVIVING_CASE',
          message: {
            es: 'Debe ser otro caso del mismo país.',
            en: 'Must be another case of the same country.',
          },
        },
      ]);
    }
  }

  private async validateNewCase(
    caller: Caller,
    input: NewCase,
    countryCode: string,
    now: Date,
  ): Promise<void> {
    const problems: FieldError[] = [];
    const primaries = input.persons.filter((p) => p.role === 'primary');
    if (primaries.length !== 1) {
      problems.push({
        field: 'persons',
        code: 'ONE_PRIMARY_PERSON',
        message: {
          es: 'Indique exactamente una persona principal.',
          en: 'Give exactly one primary person.',
        },
      });
    }
    if (input.openedAt && new Date(input.openedAt) > now) {
      problems.push({
        field: 'openedAt',
        code: 'IN_THE_FUTURE',
        message: { es: 'No puede ser una fecha futura.', en: 'Cannot be in the future.' },
      });
    }
    // Every country code of the request in one query; each problem is reported in its place below.
    const countryProblems = await this.checks.countryProblems([
      ...input.persons.flatMap((link, index) =>
        link.person && !link.personId
          ? [
              {
                field: `persons.${index}.person.nationalityCode`,
                code: link.person.nationalityCode,
              },
              ...(link.person.documents ?? []).map((d, i) => ({
                field: `persons.${index}.person.documents.${i}.issuingCountryCode`,
                code: d.issuingCountryCode,
              })),
            ]
          : [],
      ),
      { field: 'eventCountryCode', code: input.eventCountryCode },
    ]);
    // Persons the caller cannot read answer like ids that do not exist (one problem for both).
    const { persons: linkable } = await this.access.read(caller, (m) =>
      this.persons.linkableByIds(
        caller,
        countryCode,
        input.persons.flatMap((l) => (l.personId && isUUID(l.personId) ? [l.personId] : [])),
        m,
      ),
    );
    for (const [index, link] of input.persons.entries()) {
      if (!!link.personId === !!link.person) {
        problems.push({
          field: `persons.${index}`,
          code: 'PERSON_OR_PERSON_ID',
          message: {
            es: 'Indique una persona nueva o el identificador de una existente.',
            en: 'Give a new person or the id of an existing one.',
          },
        });
      } else if (link.personId) {
        if (!linkable.has(link.personId))
          problems.push(unknownPersonProblem(`persons.${index}.personId`));
        else if (input.persons.findIndex((l) => l.personId === link.personId) < index)
          problems.push(repeatedPersonProblem(`persons.${index}.personId`));
      } else {
        const person = link.person!;
        problems.push(...personProblems(person, now, `persons.${index}.person`));
        problems.push(
          ...countryProblems.filter((p) => p.field.startsWith(`persons.${index}.person.`)),
        );
        if (person.originSubdivisionCode) {
          problems.push(
            ...(await this.checks.subdivisionProblems(
              `persons.${index}.person.originSubdivisionCode`,
              [person.originSubdivisionCode],
              [person.nationalityCode],
            )),
          );
        }
      }
    }
    problems.push(...countryProblems.filter((p) => p.field === 'eventCountryCode'));
    problems.push(...(await this.eventSubdivisionProblems(input)));
    if (problems.length)
      throw invalid(problems.map((p) => ({ ...p, field: p.field.replace(/(Code)\.0$/, '$1') })));
  }

  /** The place of the event: a known country, and a subdivision of that country. */
  private async placeOfEventProblems(place: {
    eventCountryCode?: string | null;
    eventSubdivisionCode?: string | null;
  }): Promise<FieldError[]> {
    const problems = await this.checks.countryProblems([
      { field: 'eventCountryCode', code: place.eventCountryCode },
    ]);
    return [...problems, ...(await this.eventSubdivisionProblems(place))];
  }

  /** A subdivision of the event's country, if one is given. */
  private async eventSubdivisionProblems(place: {
    eventCountryCode?: string | null;
    eventSubdivisionCode?: string | null;
  }): Promise<FieldError[]> {
    if (!place.eventSubdivisionCode) return [];
    const inside = await this.checks.subdivisionProblems(
      'eventSubdivisionCode',
      [place.eventSubdivisionCode],
      place.eventCountryCode ? [place.eventCountryCode] : [],
    );
    return inside.map((p) => ({ ...p, field: 'eventSubdivisionCode' }));
  }
}

/**
 * A stale expected version is refused before the change itself is judged (RFC 9110: preconditions
 * come before the method's semantics), so a writer who lost a race learns that the case changed, not
 * that its change no longer fits. The atomic UPDATE … WHERE version still decides races after this.
 */
function assertVersion(current: CaseRecord, expectedVersion: number): void {
  if (current.version !== expectedVersion)
    throw new DomainError('VERSION_CONFLICT', 'precondition_failed');
}
