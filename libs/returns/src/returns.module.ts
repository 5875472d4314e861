import { Module } from '@nestjs/common';
import { CasesModule } from '@amparo/cases';
import { DirectoryModule } from '@amparo/directory';
import { IdentityModule } from '@amparo/identity';
import { ReferralsModule } from '@amparo/referrals';
import { ReintegrationReferralsService } from './reintegration-referrals.service';
import { ReturnChecks } from './return-checks';
import { ReturnJourneyService } from './return-journey.service';
import { ReturnManifestService } from './return-manifest.service';
import { ReturnMovementsService } from './return-movements.service';

/**
 * Returns of nationals to their country: movements organised by a post, the cases and persons on
 * them, escorts, the handover of children at origin and reintegration referrals. It reads and
 * writes cases only through the cases context's services and refers through the referrals context.
 */
@Module({
  imports: [IdentityModule, DirectoryModule, CasesModule, ReferralsModule],
  providers: [
    ReturnChecks,
    ReturnMovementsService,
    ReturnManifestService,
    ReturnJourneyService,
    ReintegrationReferralsService,
  ],
  exports: [
    ReturnMovementsService,
    ReturnManifestService,
    ReturnJourneyService,
    ReintegrationReferralsService,
  ],
})
export class ReturnsModule {}
