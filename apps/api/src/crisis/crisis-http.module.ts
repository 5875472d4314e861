import { Module } from '@nestjs/common';
import { CrisisModule } from '@amparo/crisis';

/** HTTP adapters of the crisis context: events, roster, enquiries, movements, demobilisation. */
@Module({
  imports: [CrisisModule],
  controllers: [],
})
export class CrisisHttpModule {}
