import { Module } from '@nestjs/common';
import { CasesModule } from '@amparo/cases';
import { DirectoryModule } from '@amparo/directory';
import { IdentityModule } from '@amparo/identity';
import { CrisisEventAccess } from './events/crisis-event-access';
import { CrisisEventsService } from './events/crisis-events.service';
import { CrisisRosterService } from './roster/crisis-roster.service';
import { CrisisEnquiriesService } from './enquiries/crisis-enquiries.service';
import { CrisisMovementsService } from './movements/crisis-movements.service';
import { CrisisDashboardService } from './dashboard/crisis-dashboard.service';
import { CrisisDemobilisationService } from './demobilisation/crisis-demobilisation.service';

/**
 * Crisis mode (MICIC): events, their roster of affected nationals with welfare statuses, relatives'
 * enquiries, movements and demobilisation into ordinary cases, which it opens only through the
 * cases context's services.
 */
@Module({
  imports: [IdentityModule, DirectoryModule, CasesModule],
  providers: [
    CrisisEventAccess,
    CrisisEventsService,
    CrisisRosterService,
    CrisisEnquiriesService,
    CrisisMovementsService,
    CrisisDashboardService,
    CrisisDemobilisationService,
  ],
  exports: [
    CrisisEventAccess,
    CrisisEventsService,
    CrisisRosterService,
    CrisisEnquiriesService,
    CrisisMovementsService,
    CrisisDashboardService,
    CrisisDemobilisationService,
  ],
})
export class CrisisModule {}
