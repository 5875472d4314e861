import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainError } from '@amparo/core';
import {
  CaseAccess,
  CaseCategory,
  CaseRegistrationService,
  ConsentWithdrawal,
  ConsentWithdrawalListeners,
  DisclosedPerson,
  Gender,
  NewCase,
  PersonInput,
  Sex,
  VulnerabilityFlag,
} from '@amparo/cases';
import { updateReturning } from '@amparo/database';
import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import {
  AssistanceAcceptance,
  AssistanceRequestRow,
  AssistanceRequestView,
  AssistanceSide,
  REQUEST_COLUMNS,
} from './assistance-request';
import { findRequest } from './assistance-requests.service';
import { AssistanceSides, VisibleRequest } from './assistance-sides';

/**
 * The decisions on a request: the receiving post's consul (or its country's supervisor) accepts,
 * opening a case of their own country from the payload, or rejects; the requesting side revokes;
 * the receiving side completes. A person's consent withdrawal stops what is still pending.
 */
@Injectable()
export class AssistanceDecisionsService implements OnModuleInit {
  constructor(
    private readonly access: CaseAccess,
    private readonly registration: CaseRegistrationService,
    private readonly sides: AssistanceSides,
    private readonly withdrawals: ConsentWithdrawalListeners,
  ) {}

  onModuleInit(): void {
    this.withdrawals.register((m, caller, withdrawal) => this.stopPending(m, caller, withdrawal));
  }

  /**
   * Accepts: an `assistance` request opens a new case of the receiving country at the receiving
   * post, in the caller's own wall, its persons created from the payload in that country (never
   * A's person records); a `notification` is acknowledged, no case opened.
   */
  async accept(
    caller: Caller,
    id: string,
    input: AssistanceAcceptance,
  ): Promise<AssistanceRequestView> {
    const roles: SideRole[] = ['consul', 'supervisor'];
    const accepted = async (m: EntityManager, receivingCaseId: string | null) => {
      // Checked again in the writing transaction, locked: a decision made meanwhile wins.
      const { row, sides } = await this.pending(caller, m, id, 'receiving', roles);
      const updated = await this.update(
        m,
        `status = 'accepted', decided_by = $2, decided_at = now(), receiving_case_id = $3`,
        [row.id, caller.userId, receivingCaseId],
      );
      await this.sides.record(
        caller,
        updated,
        'receiving',
        'assistance.accept',
        { receivingCaseId, requestingConsulateId: row.requestingConsulateId },
        m,
      );
      return { row: updated, sides };
    };
    const { row } = await this.access.read(caller, (m) =>
      this.pending(caller, m, id, 'receiving', roles, false),
    );
    const visible =
      row.kind === 'assistance'
        ? await this.registration.openOnRequest(caller, caseFrom(row, input), (m, created) =>
            accepted(m, created.case.id),
          )
        : await this.access.write(caller, (m) => accepted(m, null));
    return (await this.sides.views([visible]))[0];
  }

  async reject(caller: Caller, id: string, reason: string): Promise<AssistanceRequestView> {
    return this.decide(caller, id, 'receiving', ['consul', 'supervisor'], async (m, { row }) => {
      const updated = await this.update(
        m,
        `status = 'rejected', decided_by = $2, decided_at = now(), rejection_reason = $3`,
        [row.id, caller.userId, reason.trim()],
      );
      await this.sides.record(caller, updated, 'receiving', 'assistance.reject', {}, m);
      return updated;
    });
  }

  /** The requesting side takes its request back (pending or accepted); the payload stays for the record. */
  async revoke(caller: Caller, id: string, reason: string): Promise<AssistanceRequestView> {
    const visible = await this.access.write(caller, async (m) => {
      const visible = await this.sides.visible(caller, m, await findRequest(m, id, true));
      const { row } = visible;
      this.sides.assertRole(caller, visible, 'requesting', ['officer', 'consul']);
      if (row.status !== 'pending' && row.status !== 'accepted')
        throw new DomainError('ASSISTANCE_NOT_REVOCABLE', 'conflict');
      const updated = await this.update(
        m,
        `status = 'revoked', revoked_by = $2, revoked_at = now(), revocation_reason = $3`,
        [row.id, caller.userId, reason.trim()],
      );
      await this.sides.record(
        caller,
        updated,
        'requesting',
        'assistance.revoke',
        { from: row.status },
        m,
      );
      return { row: updated, sides: visible.sides };
    });
    return (await this.sides.views([visible]))[0];
  }

  async complete(caller: Caller, id: string): Promise<AssistanceRequestView> {
    const visible = await this.access.write(caller, async (m) => {
      const visible = await this.sides.visible(caller, m, await findRequest(m, id, true));
      const { row } = visible;
      this.sides.assertRole(caller, visible, 'receiving', ['officer', 'consul']);
      if (row.status !== 'accepted') throw new DomainError('ASSISTANCE_NOT_ACCEPTED', 'conflict');
      const updated = await this.update(
        m,
        `status = 'completed', completed_by = $2, completed_at = now()`,
        [row.id, caller.userId],
      );
      await this.sides.record(caller, updated, 'receiving', 'assistance.complete', {}, m);
      return { row: updated, sides: visible.sides };
    });
    return (await this.sides.views([visible]))[0];
  }

  private async decide(
    caller: Caller,
    id: string,
    side: AssistanceSide,
    roles: SideRole[],
    work: (m: EntityManager, visible: VisibleRequest) => Promise<AssistanceRequestRow>,
  ): Promise<AssistanceRequestView> {
    const visible = await this.access.write(caller, async (m) => {
      const visible = await this.pending(caller, m, id, side, roles);
      return { row: await work(m, visible), sides: visible.sides };
    });
    return (await this.sides.views([visible]))[0];
  }

  /** The request (locked when about to decide), visible to the caller, theirs to decide, still pending. */
  private async pending(
    caller: Caller,
    m: EntityManager,
    id: string,
    side: AssistanceSide,
    roles: SideRole[],
    lock = true,
  ): Promise<VisibleRequest> {
    const visible = await this.sides.visible(caller, m, await findRequest(m, id, lock));
    this.sides.assertRole(caller, visible, side, roles);
    if (visible.row.status !== 'pending')
      throw new DomainError('ASSISTANCE_NOT_PENDING', 'conflict');
    return visible;
  }

  private async update(
    m: EntityManager,
    set: string,
    params: unknown[],
  ): Promise<AssistanceRequestRow> {
    const [row] = await updateReturning<AssistanceRequestRow>(
      m,
      `UPDATE assistance_requests r SET ${set} WHERE r.id = $1 RETURNING ${REQUEST_COLUMNS}`,
      params,
    );
    return row;
  }

  /**
   * "A withdrawal stops what has not been sent yet": the person's pending requests from this case
   * are revoked, and their payload purged so the receiving side no longer sees it.
   */
  private async stopPending(
    m: EntityManager,
    caller: Caller,
    withdrawal: ConsentWithdrawal,
  ): Promise<void> {
    if (!withdrawal.purposes.includes('disclosure_to_other_country')) return;
    const stopped = await updateReturning<AssistanceRequestRow>(
      m,
      `UPDATE assistance_requests r SET status = 'revoked', revoked_by = $3, revoked_at = now(),
              payload = NULL, purged_at = now()
        WHERE r.requesting_case_id = $1 AND $2 = ANY(r.person_ids) AND r.status = 'pending'
        RETURNING ${REQUEST_COLUMNS}`,
      [withdrawal.caseId, withdrawal.personId, caller.userId],
    );
    for (const row of stopped)
      await this.sides.record(
        caller,
        row,
        'requesting',
        'assistance.revoke',
        { from: 'pending', consentWithdrawn: true },
        m,
      );
  }
}

type SideRole = 'officer' | 'consul' | 'supervisor';

/** The receiving country's new case, from the request's payload and the consul's choices. */
function caseFrom(row: AssistanceRequestRow, input: AssistanceAcceptance): NewCase {
  const payload = row.payload!;
  const primary = primaryIndex(payload.persons);
  return {
    consulateId: row.receivingConsulateId,
    primaryCategory: input.primaryCategory as CaseCategory,
    secondaryCategories: (payload.case.secondaryCategories ?? []).filter(
      (c) => c !== input.primaryCategory,
    ) as CaseCategory[],
    vulnerabilityFlags: (payload.case.vulnerabilityFlags ?? []) as VulnerabilityFlag[],
    summary: input.summary?.trim() || payload.case.summary || '',
    assignedOfficerId: input.assignedOfficerId,
    persons: payload.persons.map((p, index) => ({
      role: index === primary ? 'primary' : 'involved',
      relationship: p.role === 'involved' ? (p.relationship ?? null) : null,
      person: personFrom(p, index === primary ? input.person : undefined),
    })),
  };
}

/** The payload's primary person, or its first when the primary was not sent. */
function primaryIndex(persons: DisclosedPerson[]): number {
  return Math.max(
    0,
    persons.findIndex((p) => p.role === 'primary'),
  );
}

/** A person of the receiving country's new case, from what was disclosed (and the consul's additions). */
function personFrom(
  p: DisclosedPerson,
  additions: AssistanceAcceptance['person'] | undefined,
): PersonInput {
  return {
    givenNames: p.givenNames ?? additions?.givenNames ?? '',
    familyNames: p.familyNames ?? additions?.familyNames ?? '',
    otherNames: p.otherNames ?? [],
    dateOfBirth: p.dateOfBirth ?? null,
    estimatedAge: p.dateOfBirth ? null : (p.estimatedAge ?? null),
    sex: (p.sex ?? additions?.sex ?? '') as Sex,
    gender: (p.gender ?? null) as Gender | null,
    nationalityCode: p.nationalityCode ?? additions?.nationalityCode ?? '',
    originSubdivisionCode: p.originSubdivisionCode ?? null,
    originMunicipality: p.originMunicipality ?? null,
    documents: p.documents?.map((d) => ({ ...d, type: d.type as never })) ?? [],
    languages: p.languages ?? [],
    indigenousLanguage: p.indigenousLanguage ?? null,
    phone: p.phone ?? null,
    email: p.email ?? null,
    addressAbroad: p.addressAbroad ?? null,
  };
}
