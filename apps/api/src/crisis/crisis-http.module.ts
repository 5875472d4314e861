import { Module } from '@nestjs/common';
import { CrisisModule } from '@amparo/crisis';
import { CrisisEventsController } from './crisis-events.controller';
import { CrisisRosterController } from './crisis-roster.controller';

/** HTTP adapters of the crisis context: events, roster, enquiries, movements, demobilisation. */
@Module({
  imports: [CrisisModule],
  controllers: [CrisisEventsController, CrisisRosterController],
})
export class CrisisHttpModule {}
