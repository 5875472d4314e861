import { Module } from '@nestjs/common';
import { ReferralsModule } from '@amparo/referrals';

/** HTTP adapters of the referrals context: referrals to organisations, assistance requests. */
@Module({
  imports: [ReferralsModule],
  controllers: [],
})
export class ReferralsHttpModule {}
