import { Injectable } from '@nestjs/common';
import { CaseAccess, DisclosureField } from '@amparo/cases';
import { DomainError, invalidField } from '@amparo/core';
import { Caller } from '@amparo/identity';
import { OrganisationReferral, OrganisationReferralsService } from '@amparo/referrals';
import { ReturnChecks } from './return-checks';
import { casesOf, findMovement } from './return-movement-store';
import './return-errors';

export interface NewReintegrationReferral {
  organisationId: string;
  need: string;
  fields: DisclosureField[];
  personIds?: string[];
  followUpDue?: string | null;
  override?: { reason: string } | null;
}

/** A case's referral for reintegration at origin, as the movement page shows it. */
export interface ReintegrationStatus {
  caseId: string;
  referrals: Pick<
    OrganisationReferral,
    'id' | 'organisationId' | 'organisationName' | 'status' | 'createdAt'
  >[];
}

/**
 * Reintegration at origin (the "reinserción"): a referral of a returned person's case, made through
 * the referrals context with its consent check and letter, to the receiving institution or another
 * organisation of the directory covering the place of return.
 */
@Injectable()
export class ReintegrationReferralsService {
  constructor(
    private readonly access: CaseAccess,
    private readonly referrals: OrganisationReferralsService,
    private readonly checks: ReturnChecks,
  ) {}

  async refer(
    caller: Caller,
    movementId: string,
    caseId: string,
    input: NewReintegrationReferral,
  ): Promise<OrganisationReferral> {
    await this.access.read(caller, async (m) => {
      const movement = this.checks.workable(caller, await findMovement(m, movementId));
      if (movement.status === 'cancelled')
        throw new DomainError('RETURN_NOT_PLANNED', 'conflict', {
          params: { status: movement.status },
        });
      if (!(await casesOf(m, movementId)).some((c) => c.caseId === caseId))
        throw new DomainError('RETURN_CASE_NOT_FOUND', 'not_found');
      const organisation = await this.checks.organisationAt(
        input.organisationId,
        movement.countryCode,
      );
      const covers =
        organisation &&
        (organisation.id === movement.receivingInstitutionId ||
          !movement.toSubdivisionCode ||
          !organisation.coverageSubdivisions.length ||
          organisation.coverageSubdivisions.includes(movement.toSubdivisionCode));
      if (!covers)
        throw invalidField(
          'organisationId',
          'NOT_AT_DESTINATION',
          'Elija la institución receptora u otra organización que cubra el lugar de retorno.',
          'Choose the receiving institution or another organisation covering the place of return.',
        );
    });
    return this.referrals.create(caller, caseId, { ...input, services: ['reintegration'] });
  }

  /** Each case's reintegration referrals (the referrals context audits the reads). */
  async statuses(caller: Caller, caseIds: readonly string[]): Promise<ReintegrationStatus[]> {
    const statuses: ReintegrationStatus[] = [];
    for (const caseId of caseIds) {
      const referrals = await this.referrals.listForCase(caller, caseId).catch(() => null);
      if (!referrals) continue;
      statuses.push({
        caseId,
        referrals: referrals
          .filter((r) => r.services.includes('reintegration'))
          .map(({ id, organisationId, organisationName, status, createdAt }) => ({
            id,
            organisationId,
            organisationName,
            status,
            createdAt,
          })),
      });
    }
    return statuses;
  }
}
