import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { AccessRequestsService } from '../access/access-requests.service';
import { CaseAccess } from '../access/case-access';
import { CaseRecord } from '../cases/case';
import { recordCaseEvent } from '../cases/case-audit';
import { CasePerson } from '../persons/person';
import { loadChildCaseFacts } from './child-case-facts';
import { isChildCase, PersonAgeFacts } from './child-rules';

/** The fields that say where a child is (T3), as the case detail names them when masked. */
export const CHILD_WHEREABOUTS_FIELDS = [
  'eventCity',
  'shelter',
  'persons.addressAbroad',
  'persons.phone',
  'persons.email',
] as const;
export type ChildWhereaboutsField = (typeof CHILD_WHEREABOUTS_FIELDS)[number];

/** Whether the caller sees where the child of a case is; nothing to decide on other cases. */
export type WhereaboutsDecision = boolean | 'not_a_child_case';

/** A case and its persons as one caller may see them, and which fields were withheld. */
export interface CaseView {
  case: CaseRecord;
  persons: CasePerson[];
  masked: ChildWhereaboutsField[];
}

/**
 * Where a child is (the place of the event, the shelter, the persons' address and contact) is
 * safety-critical: on a child's case only the assigned officer, the post's consuls and holders of
 * an unexpired break-the-glass grant see it; other readers (officers of the post, supervisors) get
 * null and the list of what was withheld. Each reading of a child case's whereabouts is audited.
 */
@Injectable()
export class ChildWhereaboutsPolicy {
  constructor(
    private readonly access: CaseAccess,
    private readonly accessRequests: AccessRequestsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * `decided`: what `decide` answered in the transaction that read the case, so that no second one
   * is needed (issue 20); without it, a child's case is checked in a transaction of its own.
   */
  async view(
    caller: Caller,
    c: CaseRecord,
    persons: CasePerson[],
    now = new Date(),
    decided?: WhereaboutsDecision,
  ): Promise<CaseView> {
    const isChild = () =>
      isChildCase(
        c,
        persons.map((p) => p.person),
        now,
      );
    const shown =
      decided ??
      (isChild()
        ? await this.access.read(caller, (m) => this.seesWhereabouts(caller, c, m))
        : 'not_a_child_case');
    if (shown === 'not_a_child_case') return { case: c, persons, masked: [] };
    // A decision made by `decide` was recorded with it, in the read's transaction.
    if (decided === undefined) await this.recordRead(caller, c, shown);
    if (shown) return { case: c, persons, masked: [] };
    return {
      case: { ...c, eventCity: null, shelter: null },
      persons: persons.map((p) => ({
        ...p,
        person: { ...p.person, addressAbroad: null, phone: null, email: null },
      })),
      masked: [...CHILD_WHEREABOUTS_FIELDS],
    };
  }

  /** For `view`, in the transaction that read the case and its persons (`manager`'s). */
  async decide(
    caller: Caller,
    c: CaseRecord,
    persons: CasePerson[],
    manager: EntityManager,
    { now = new Date(), breakGlass }: { now?: Date; breakGlass?: boolean } = {},
  ): Promise<WhereaboutsDecision> {
    if (
      !isChildCase(
        c,
        persons.map((p) => p.person),
        now,
      )
    )
      return 'not_a_child_case';
    return this.seesWhereabouts(caller, c, manager, breakGlass);
  }

  /**
   * Records that the caller read a child's case, and whether they were shown where the child is;
   * in `manager`'s transaction when given (a read's: written in the round trip of its commit).
   */
  recordRead(caller: Caller, c: CaseRecord, shown: boolean, manager?: EntityManager) {
    return recordCaseEvent(
      this.audit,
      {
        action: 'case.child_whereabouts.read',
        caller,
        caseId: c.id,
        consulateId: c.consulateId,
        countryCode: c.countryCode,
        details: { shown },
      },
      manager,
    );
  }

  /**
   * A list row of a child's case (by category or flag, or any person under 18) shows where the
   * child is only to the assigned officer and the post's consuls; anyone else gets the row without
   * the place of the event. A break-the-glass grant is checked when the case itself is opened, not
   * for every row.
   */
  listed(caller: Caller, c: CaseRecord, persons: PersonAgeFacts[], now = new Date()) {
    if (!isChildCase(c, persons, now)) return c;
    const sees =
      c.assignedOfficerId === caller.userId || this.access.rolesOn(caller, c).includes('consul');
    return sees ? c : { ...c, eventCity: null };
  }

  /**
   * Whether the caller sees where the child of this case is, in `manager`'s transaction; true on a
   * case that is not a child's.
   */
  async shows(caller: Caller, c: CaseRecord, manager: EntityManager, now = new Date()) {
    const { persons } = await loadChildCaseFacts(manager, c.id);
    return !isChildCase(c, persons, now) || this.seesWhereabouts(caller, c, manager);
  }

  /** `breakGlass`: whether the caller holds a grant on the case, when already known. */
  private async seesWhereabouts(
    caller: Caller,
    c: CaseRecord,
    manager: EntityManager,
    breakGlass?: boolean,
  ) {
    return (
      c.assignedOfficerId === caller.userId ||
      this.access.rolesOn(caller, c).includes('consul') ||
      (breakGlass ?? (await this.accessRequests.hasActiveGrant(caller.userId, c.id, manager)))
    );
  }
}
