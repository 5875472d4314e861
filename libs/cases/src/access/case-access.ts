import { Injectable } from '@nestjs/common';
import { SqlConditions } from '@amparo/database';
import { Caller, ScopeService } from '@amparo/identity';
import { WorkflowRole } from '../workflow/case-workflow';

/** Where a case sits, which is all that decides who may see and work it. */
export interface CaseLocation {
  consulateId: string;
  countryCode: string;
  assignedOfficerId: string | null;
  restricted: boolean;
}

/**
 * The caller's reach over cases: the posts they work (officer, consul) and the countries they
 * supervise. Every case query goes through `restrictToScope`; a case outside answers 404.
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly scopes: ScopeService) {}

  restrictToScope(where: SqlConditions, caller: Caller, alias = 'c'): void {
    const consulates = this.scopes.caseConsulates(caller);
    const countries = this.scopes.supervisedCountries(caller);
    where.add(
      `(${alias}.consulate_id = ANY(?::uuid[]) OR ${alias}.country_code = ANY(?))`,
      consulates,
      countries,
    );
  }

  inScope(caller: Caller, location: CaseLocation): boolean {
    return (
      this.scopes.caseConsulates(caller).includes(location.consulateId) ||
      this.scopes.supervisedCountries(caller).includes(location.countryCode)
    );
  }

  /** The caller's roles that apply to this case, for the workflow. */
  rolesOn(caller: Caller, location: CaseLocation): WorkflowRole[] {
    const roles: WorkflowRole[] = [];
    for (const grant of caller.grants) {
      if (
        (grant.role === 'officer' || grant.role === 'consul') &&
        grant.consulateId === location.consulateId
      )
        roles.push(grant.role);
      if (grant.role === 'supervisor' && grant.countryCode === location.countryCode)
        roles.push('supervisor');
    }
    return [...new Set(roles)];
  }

  /** Officers and consuls of the post work the case and see identifying fields in lists. */
  worksCase(caller: Caller, location: CaseLocation): boolean {
    const roles = this.rolesOn(caller, location);
    return roles.includes('officer') || roles.includes('consul');
  }

  /**
   * A restricted case (T3, asylum) is open to its assigned officer and the post's consul; others in
   * scope need break-the-glass access (checked by the caller of this method).
   */
  seesRestrictedContent(caller: Caller, location: CaseLocation): boolean {
    if (!location.restricted) return true;
    return (
      location.assignedOfficerId === caller.userId ||
      this.rolesOn(caller, location).includes('consul')
    );
  }
}
