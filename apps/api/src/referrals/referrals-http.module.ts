import { Module } from '@nestjs/common';
import { ReferralsModule } from '@amparo/referrals';
import { CooperationQueueController } from './cooperation-queue.controller';
import { ReferralsController } from './referrals.controller';
import { AssistanceRequestsController } from './assistance-requests.controller';

/** HTTP adapters of the referrals context: referrals to organisations, assistance requests. */
@Module({
  imports: [ReferralsModule],
  controllers: [ReferralsController, AssistanceRequestsController, CooperationQueueController],
})
export class ReferralsHttpModule {}
