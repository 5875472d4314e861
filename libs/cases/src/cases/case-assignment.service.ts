import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { Caller, PostOfficers } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { CaseRecord } from './case';
import { recordCaseEvent } from './case-audit';
import { assertAssignable } from './case-assignee';
import { CaseLookup } from './case-lookup';
import { assertVersion, writeCaseVersion } from './versioned-case-write';

/** Who works a case: the consul or a supervisor names an active officer of the case's post. */
@Injectable()
export class CaseAssignmentService {
  constructor(
    private readonly access: CaseAccess,
    private readonly lookup: CaseLookup,
    private readonly officers: PostOfficers,
    private readonly audit: AuditService,
  ) {}

  /** Who the caller may name as the case's assignee: the active officers and consuls of its post. */
  async assignableOfficers(
    caller: Caller,
    id: string,
  ): Promise<{ id: string; displayName: string }[]> {
    const current = await this.access.read(caller, (m) => this.lookup.readable(caller, id, m));
    this.assertAssigns(caller, current);
    const officers = await this.officers.activeOfficersAt(current.consulateId);
    await recordCaseEvent(this.audit, {
      action: 'case.assignable_officers.read',
      caller,
      caseId: id,
      consulateId: current.consulateId,
      countryCode: current.countryCode,
      details: { returned: officers.length },
    });
    return officers;
  }

  async assign(
    caller: Caller,
    id: string,
    expectedVersion: number,
    officerId: string,
  ): Promise<CaseRecord> {
    const current = await this.access.read(caller, (m) => this.lookup.readable(caller, id, m));
    this.assertAssigns(caller, current);
    assertVersion(current, expectedVersion);
    await assertAssignable(this.officers, officerId, current.consulateId);
    return this.access.write(caller, (manager) =>
      writeCaseVersion(manager, this.audit, {
        caller,
        current,
        expectedVersion,
        columns: { assigned_officer_id: officerId },
        action: 'case.assign',
        details: { from: current.assignedOfficerId, to: officerId },
      }),
    );
  }

  private assertAssigns(caller: Caller, c: CaseRecord): void {
    const roles = this.access.rolesOn(caller, c);
    if (!roles.includes('consul') && !roles.includes('supervisor'))
      throw new DomainError('FORBIDDEN', 'forbidden');
  }
}
