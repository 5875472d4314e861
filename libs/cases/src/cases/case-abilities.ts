import { Injectable } from '@nestjs/common';
import { Caller } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { OfferedTransition, allowedTransitions } from '../workflow/case-workflow';
import { CaseRecord } from './case';

/** What the caller may do next with a case they have just read. */
export interface CaseAbilities {
  allowedTransitions: OfferedTransition[];
  callerMay: { update: boolean; assign: boolean; recordActions: boolean; transfer: boolean };
}

/**
 * The rules the write use cases apply (CaseChangesService, CaseAssignmentService,
 * ConsularActionsService, TransfersService and the routes' permissions), asked of one readable case, so that a screen
 * offers exactly what the API would accept.
 */
@Injectable()
export class CaseAbilitiesPolicy {
  constructor(private readonly access: CaseAccess) {}

  of(caller: Caller, c: CaseRecord): CaseAbilities {
    const roles = this.access.rolesOn(caller, c);
    const writes = caller.permissions.has('cases:write') && this.access.worksCase(caller, c);
    return {
      allowedTransitions: allowedTransitions({
        from: c.status,
        roles,
        flags: c.vulnerabilityFlags,
        riskLevel: c.riskLevel,
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
    };
  }
}
