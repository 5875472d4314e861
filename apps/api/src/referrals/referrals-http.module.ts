import { Module } from '@nestjs/common';
import { ReferralsModule } from '@amparo/referrals';
import { AssistanceRequestsController } from './assistance-requests.controller';

/** HTTP adapters of the referrals context: referrals to organisations, assistance requests. */
@Module({
  imports: [ReferralsModule],
  controllers: [AssistanceRequestsController],
})
export class ReferralsHttpModule {}
