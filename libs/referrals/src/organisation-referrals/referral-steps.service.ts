import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import {
  CaseAccess,
  CaseLookup,
  ConsentWithdrawal,
  ConsentWithdrawalListeners,
  ConsularActionsService,
} from '@amparo/cases';
import { DomainError, invalidField } from '@amparo/core';
import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { OrganisationReferral, ReferralAnswer, StoredReferral } from './referral';
import { recordReferralEvent } from './referral-audit';
import './referral-errors';
import { findReferral } from './organisation-referrals.service';
import { ReferralStep, stepActionType, timelineOutcome } from './referral-timeline';

/**
 * The life of a referral after it was sent: the organisation's answer (recorded by the officer:
 * organisations are outside the registry), its completion, its revocation by the sending post, and
 * its end when the person withdraws their consent before the organisation answered. Each step is
 * one transaction with its timeline entry and audit event.
 */
@Injectable()
export class ReferralStepsService implements OnModuleInit {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly actions: ConsularActionsService,
    private readonly withdrawals: ConsentWithdrawalListeners,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.withdrawals.register((m, caller, withdrawal) =>
      this.stopOnWithdrawal(m, caller, withdrawal),
    );
  }

  async answer(
    caller: Caller,
    id: string,
    input: ReferralAnswer,
    now = new Date(),
  ): Promise<OrganisationReferral> {
    const answeredAt = input.answeredAt ? new Date(input.answeredAt) : now;
    if (answeredAt > now)
      throw invalidField(
        'answeredAt',
        'IN_THE_FUTURE',
        'La respuesta no puede haberse recibido en el futuro.',
        'The answer cannot have come in the future.',
      );
    return this.step(caller, id, now, async (m, referral) => {
      if (referral.status !== 'pending') throw new DomainError('REFERRAL_NOT_PENDING', 'conflict');
      if (answeredAt < new Date(referral.createdAt))
        throw invalidField(
          'answeredAt',
          'BEFORE_REFERRAL',
          'La respuesta no puede ser anterior a la canalización.',
          'The answer cannot precede the referral.',
        );
      await m.query(
        `UPDATE organisation_referrals SET status = $2, status_reason = $3, answered_at = $4, answered_by = $5,
                version = version + 1 WHERE id = $1`,
        [id, input.outcome, input.reason?.trim() || null, answeredAt, caller.userId],
      );
      return {
        step: input.outcome,
        action: 'referral.answer',
        details: { outcome: input.outcome },
      };
    });
  }

  async complete(
    caller: Caller,
    id: string,
    input: { notes?: string | null },
    now = new Date(),
  ): Promise<OrganisationReferral> {
    return this.step(caller, id, now, async (m, referral) => {
      if (referral.status !== 'accepted')
        throw new DomainError('REFERRAL_NOT_ACCEPTED', 'conflict');
      await m.query(
        `UPDATE organisation_referrals SET status = 'completed', completed_at = $2, completed_by = $3,
                completion_notes = $4, version = version + 1 WHERE id = $1`,
        [id, now, caller.userId, input.notes?.trim() || null],
      );
      return { step: 'completed', action: 'referral.complete', details: {} };
    });
  }

  /** The sending post takes a referral back (pending or accepted), with its reason. */
  async revoke(
    caller: Caller,
    id: string,
    input: { reason: string },
    now = new Date(),
  ): Promise<OrganisationReferral> {
    return this.step(caller, id, now, async (m, referral) => {
      const roles = this.access.rolesOn(caller, {
        consulateId: referral.consulateId,
        countryCode: referral.countryCode,
        assignedOfficerId: null,
        restricted: false,
      });
      if (!roles.includes('officer') && !roles.includes('consul'))
        throw new DomainError('FORBIDDEN', 'forbidden');
      if (referral.status !== 'pending' && referral.status !== 'accepted')
        throw new DomainError('REFERRAL_NOT_REVOCABLE', 'conflict');
      await this.markRevoked(m, caller, id, input.reason.trim(), now);
      return { step: 'revoked', action: 'referral.revoke', details: { reason: 'revoked_by_post' } };
    });
  }

  /**
   * "A withdrawal stops what has not been sent yet": the pending referrals carrying the person's
   * data to organisations are revoked, in the withdrawal's transaction.
   */
  private async stopOnWithdrawal(
    m: EntityManager,
    caller: Caller,
    withdrawal: ConsentWithdrawal,
  ): Promise<void> {
    if (!withdrawal.purposes.includes('disclosure_to_organisations')) return;
    const pending = await m.query<StoredReferral[]>(
      `SELECT r.id, r.case_id AS "caseId", r.consulate_id AS "consulateId", r.country_code AS "countryCode",
              r.organisation_name AS "organisationName"
         FROM organisation_referrals r
        WHERE r.case_id = $1 AND r.status = 'pending' AND $2 = ANY(r.person_ids) FOR UPDATE`,
      [withdrawal.caseId, withdrawal.personId],
    );
    const now = new Date();
    for (const referral of pending) {
      await this.markRevoked(m, caller, referral.id, 'consent_withdrawn', now);
      await this.record(m, caller, referral, now, {
        step: 'consent_withdrawn',
        action: 'referral.revoke',
        details: { reason: 'consent_withdrawn' },
      });
    }
  }

  private async markRevoked(
    m: EntityManager,
    caller: Caller,
    id: string,
    reason: string,
    now: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE organisation_referrals SET status = 'revoked', status_reason = $2, revoked_at = $3, revoked_by = $4,
              version = version + 1 WHERE id = $1`,
      [id, reason, now, caller.userId],
    );
  }

  /** One step: the referral locked, its case workable by the caller, the change, timeline and audit. */
  private step(
    caller: Caller,
    id: string,
    now: Date,
    change: (m: EntityManager, referral: StoredReferral) => Promise<StepRecord>,
  ): Promise<OrganisationReferral> {
    return this.access.write(caller, async (m) => {
      const referral = await findReferral(m, id, true);
      if (!referral) throw new DomainError('REFERRAL_NOT_FOUND', 'not_found');
      await this.cases.workable(caller, referral.caseId, m);
      await this.record(m, caller, referral, now, await change(m, referral));
      return (await findReferral(m, id))!;
    });
  }

  private async record(
    m: EntityManager,
    caller: Caller,
    referral: Pick<
      StoredReferral,
      'id' | 'caseId' | 'consulateId' | 'countryCode' | 'organisationName'
    >,
    now: Date,
    { step, action, details }: StepRecord,
  ): Promise<void> {
    const where = {
      id: referral.caseId,
      consulateId: referral.consulateId,
      countryCode: referral.countryCode,
    };
    const actionId = await this.actions.appendIn(m, caller, where, {
      type: stepActionType(step),
      occurredAt: now,
      outcome: timelineOutcome(step, referral.organisationName, caller.locale),
    });
    await recordReferralEvent(this.audit, m, caller, action, where, {
      referralId: referral.id,
      ...details,
      actionId,
    });
  }
}

interface StepRecord {
  step: ReferralStep;
  action: string;
  details: Record<string, unknown>;
}
