import { Module } from '@nestjs/common';
import { CrisisModule } from '@amparo/crisis';
import { CrisisEventsController } from './crisis-events.controller';
import { CrisisRosterController } from './crisis-roster.controller';
import { CrisisEnquiriesController } from './crisis-enquiries.controller';
import { CrisisMovementsController } from './crisis-movements.controller';
import { CrisisDashboardController } from './crisis-dashboard.controller';

/** HTTP adapters of the crisis context: events, roster, enquiries, movements, demobilisation. */
@Module({
  imports: [CrisisModule],
  controllers: [
    CrisisEventsController,
    CrisisRosterController,
    CrisisEnquiriesController,
    CrisisMovementsController,
    CrisisDashboardController,
  ],
})
export class CrisisHttpModule {}
