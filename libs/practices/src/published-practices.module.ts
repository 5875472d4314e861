import { Module } from '@nestjs/common';
import { PublishedPracticesService } from './published-practices.service';

/** Only the published catalogue's reader: light enough for the worker, which runs no case access. */
@Module({
  providers: [PublishedPracticesService],
  exports: [PublishedPracticesService],
})
export class PublishedPracticesModule {}
