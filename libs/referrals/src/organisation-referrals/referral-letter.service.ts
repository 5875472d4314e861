import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { CaseAccess, CaseConsentsService, CaseLookup } from '@amparo/cases';
import { DomainError } from '@amparo/core';
import { ConsulatesService, OrganisationsService } from '@amparo/directory';
import { Caller } from '@amparo/identity';
import { findReferral } from './organisation-referrals.service';
import { recordReferralEvent } from './referral-audit';
import { LetterFacts, LetterLanguage, letterContent } from './referral-letter-content';
import { renderLetterPdf } from './referral-letter-pdf';

/**
 * The referral letter the post sends the organisation (organisations are outside the registry):
 * printing it is a disclosure, so only the post's staff print it, and each print is audited.
 */
@Injectable()
export class ReferralLetterService {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly consents: CaseConsentsService,
    private readonly consulates: ConsulatesService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  async letter(
    caller: Caller,
    id: string,
    lang: LetterLanguage,
    now = new Date(),
  ): Promise<{ filename: string; pdf: Buffer }> {
    const { referral, found } = await this.access.read(caller, async (m) => {
      const referral = await findReferral(m, id);
      if (!referral) throw new DomainError('REFERRAL_NOT_FOUND', 'not_found');
      return { referral, found: await this.cases.workable(caller, referral.caseId, m) };
    });
    if (referral.status === 'revoked') throw new DomainError('REFERRAL_REVOKED', 'conflict');
    const [post, organisation, consents] = await Promise.all([
      this.consulates.get(referral.consulateId),
      this.organisations.get(referral.organisationId),
      this.consents.list(caller, referral.caseId),
    ]);
    const override = consents.overrides.find((o) => o.id === referral.overrideId);
    const facts: LetterFacts = {
      referralId: referral.id,
      caseReference: referral.caseReference,
      createdAt: referral.createdAt,
      issuedAt: now,
      post,
      organisation: { ...organisation, name: referral.organisationName },
      services: referral.services,
      need: referral.need,
      payload: referral.payload,
      followUpDue: referral.followUpDue,
      basis: override
        ? { kind: 'override', reason: override.reason }
        : {
            kind: 'consent',
            consents: consents.consents
              .filter((k) => referral.consentIds.includes(k.id))
              .map((k) => ({ method: k.method, givenAt: k.givenAt })),
          },
    };
    const content = letterContent(facts, lang);
    const pdf = await renderLetterPdf(content, { title: content.title, lang });
    await recordReferralEvent(this.audit, undefined, caller, 'referral.letter', found, {
      referralId: referral.id,
      lang,
      fields: referral.fields,
    });
    return { filename: `referral-${referral.id}-${lang}.pdf`, pdf };
  }
}
