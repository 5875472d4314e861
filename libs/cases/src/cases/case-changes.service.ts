import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, FieldError } from '@amparo/core';
import { ReferenceChecks } from '@amparo/directory';
import { Caller, PostOfficers } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { loadChildCaseFacts } from '../safeguards/child-case-facts';
import { ChildSafeguards } from '../safeguards/child-safeguards';
import { assertTransitionAllowed } from '../workflow/case-workflow';
import { CaseChanges, CaseRecord } from './case';
import { invalidFields } from './case-errors';
import { CaseLookup } from './case-lookup';
import { mustBeRestricted } from './case-registration';
import { placeOfEventProblems } from './event-place-checks';
import { nextStepColumns, nextStepDueProblems } from './next-step';
import { assertVersion, writeCaseVersion } from './versioned-case-write';

export interface TransitionRequest {
  to: CaseRecord['status'];
  reason?: string;
  closureReason?: CaseRecord['closureReason'] & string;
  duplicateOf?: string;
}

/** Working a case: changing its fields and moving it through the workflow (docs/workflow.md). */
@Injectable()
export class CaseChangesService {
  constructor(
    private readonly access: CaseAccess,
    private readonly lookup: CaseLookup,
    private readonly checks: ReferenceChecks,
    private readonly audit: AuditService,
    private readonly safeguards: ChildSafeguards,
    private readonly officers: PostOfficers,
  ) {}

  async update(
    caller: Caller,
    id: string,
    expectedVersion: number,
    changes: CaseChanges,
    now = new Date(),
  ): Promise<CaseRecord> {
    const current = await this.access.read(caller, (m) => this.lookup.workable(caller, id, m));
    assertVersion(current, expectedVersion);
    const next = {
      ...current,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    } as CaseRecord;
    const problems = [
      ...unclearableFieldProblems(changes),
      ...(await placeOfEventProblems(this.checks, next)),
      ...nextStepDueProblems(current.openedAt, changes.nextStepDue),
    ];
    if (problems.length) throw invalidFields(problems);
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
      writeCaseVersion(manager, this.audit, {
        caller,
        current,
        expectedVersion,
        columns: {
          primary_category: next.primaryCategory,
          secondary_categories: next.secondaryCategories,
          vulnerability_flags: next.vulnerabilityFlags,
          risk_level: next.riskLevel,
          event_country_code: next.eventCountryCode,
          event_subdivision_code: next.eventSubdivisionCode,
          event_city: next.eventCity,
          shelter: next.shelter,
          host_country_role: next.hostCountryRole,
          temporary_worker: next.temporaryWorker,
          summary: next.summary,
          consent: JSON.stringify(next.consent),
          restricted: next.restricted,
          ...nextStepColumns(current, changes),
        },
        action: 'case.update',
      }),
    );
  }

  async transition(
    caller: Caller,
    id: string,
    expectedVersion: number,
    request: TransitionRequest,
    now = new Date(),
  ): Promise<CaseRecord> {
    const { current, persons, postHasConsul } = await this.access.read(caller, async (m) => {
      const current = await this.lookup.readable(caller, id, m);
      return {
        current,
        persons: (await loadChildCaseFacts(m, id)).persons,
        postHasConsul: await this.officers.hasActiveConsul(current.consulateId, m),
      };
    });
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
      case: current,
      persons,
      now,
      postHasConsul,
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
    return this.access.write(caller, async (manager) => {
      // An unaccompanied child's case closes only once the child's best interests were assessed.
      if (closing) await this.safeguards.assertBestInterestAssessed(manager, id, 'closure');
      return writeCaseVersion(manager, this.audit, {
        caller,
        current,
        expectedVersion,
        columns: changes,
        action: 'case.transition',
        details: { from: current.status, to: request.to, closureReason: request.closureReason },
        statusReason: reason,
      });
    });
  }

  private async assertSurvivingCase(
    caller: Caller,
    current: CaseRecord,
    survivorId: string,
  ): Promise<void> {
    const survivor = await this.access.read(caller, (m) => this.lookup.find(survivorId, m));
    if (
      !survivor ||
      survivor.id === current.id ||
      survivor.countryCode !== current.countryCode ||
      !this.access.inScope(caller, survivor)
    ) {
      throw invalidFields([
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
}

/** Fields every case has: a PATCH may change them, never clear them with null. */
const UNCLEARABLE_FIELDS = [
  'primaryCategory',
  'secondaryCategories',
  'vulnerabilityFlags',
  'riskLevel',
  'temporaryWorker',
  'summary',
  'consent',
  'restricted',
] as const satisfies readonly (keyof CaseChanges)[];

/** A null sent for a field that cannot be empty: refused, never stored or read as "no". */
function unclearableFieldProblems(changes: CaseChanges): FieldError[] {
  return UNCLEARABLE_FIELDS.filter((field) => changes[field] === null).map((field) => ({
    field,
    code: 'REQUIRED',
    message: {
      es: 'Este dato no se puede borrar; envíe un valor o no lo envíe.',
      en: 'This field cannot be cleared; send a value or leave it out.',
    },
  }));
}
