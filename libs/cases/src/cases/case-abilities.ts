import { Injectable } from '@nestjs/common';
import { Caller, PostOfficers } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import {
  ConsulApprovalReason,
  PersonAgeFacts,
  needsConsulApproval,
} from '../safeguards/child-rules';
import { OfferedTransition, allowedTransitions } from '../workflow/case-workflow';
import { CaseRecord } from './case';

/** What the caller may do next with a case they have just read. */
export interface CaseAbilities {
  allowedTransitions: OfferedTransition[];
  callerMay: { update: boolean; assign: boolean; recordActions: boolean; transfer: boolean };
  /** Why an officer's closure of this case needs approval (docs/workflow.md); null when it does not. */
  closureApprovalRule: ConsulApprovalReason | null;
}

/**
 * The rules the write use cases apply (CaseChangesService, CaseAssignmentService,
 * ConsularActionsService, TransfersService and the routes' permissions), asked of one readable case, so that a screen
 * offers exactly what the API would accept.
 */
@Injectable()
export class CaseAbilitiesPolicy {
  constructor(
    private readonly access: CaseAccess,
    private readonly officers: PostOfficers,
  ) {}

  /** `persons`: the case's persons as read for the caller (their ages decide the child rule). */
  async of(
    caller: Caller,
    c: CaseRecord,
    persons: readonly PersonAgeFacts[],
    now = new Date(),
  ): Promise<CaseAbilities> {
    const roles = this.access.rolesOn(caller, c);
    const writes = caller.permissions.has('cases:write') && this.access.worksCase(caller, c);
    // Only a supervisor's offer depends on it: the consul decides at a post that has one.
    const postHasConsul =
      roles.includes('supervisor') && c.status === 'closure_requested'
        ? await this.officers.hasActiveConsul(c.consulateId)
        : true;
    return {
      allowedTransitions: allowedTransitions({
        from: c.status,
        roles,
        case: c,
        persons,
        now,
        postHasConsul,
      }),
      callerMay: {
        update: writes,
        assign:
          caller.permissions.has('cases:assign') &&
          (roles.includes('consul') || roles.includes('supervisor')),
        recordActions: writes && c.status !== 'closed',
        // Whether a transfer is already pending is not known here: proposing then answers 409.
        transfer:
          caller.permissions.has('cases:transfer') && roles.length > 0 && c.status !== 'closed',
      },
      closureApprovalRule: needsConsulApproval(c, persons, now),
    };
  }
}
