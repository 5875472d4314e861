import { Module } from '@nestjs/common';
import { CasesModule } from '@amparo/cases';
import { DirectoryModule } from '@amparo/directory';
import { IdentityModule } from '@amparo/identity';
import { CooperationQueueService } from './cooperation-queue/cooperation-queue.service';
import { FollowCaseMoves } from './follow-case-moves';
import { OrganisationReferralsService } from './organisation-referrals/organisation-referrals.service';
import { ReferralLetterService } from './organisation-referrals/referral-letter.service';
import { ReferralStepsService } from './organisation-referrals/referral-steps.service';
import {
  AssistanceDecisionsService,
  AssistanceReportsService,
  AssistanceRequestsService,
  AssistanceSides,
} from './assistance';

/**
 * Cooperation around a case: referrals to organisations of the directory and mutual consular
 * assistance between countries. It reads and writes cases only through the cases context's
 * services (consent checks, consular actions, registration of the receiving country's case).
 */
@Module({
  imports: [IdentityModule, DirectoryModule, CasesModule],
  providers: [
    FollowCaseMoves,
    CooperationQueueService,
    OrganisationReferralsService,
    ReferralStepsService,
    ReferralLetterService,
    AssistanceSides,
    AssistanceRequestsService,
    AssistanceDecisionsService,
    AssistanceReportsService,
  ],
  exports: [
    CooperationQueueService,
    OrganisationReferralsService,
    ReferralStepsService,
    ReferralLetterService,
    AssistanceRequestsService,
    AssistanceDecisionsService,
    AssistanceReportsService,
  ],
})
export class ReferralsModule {}
