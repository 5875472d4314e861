import { Module } from '@nestjs/common';
import { PracticesModule } from '@amparo/practices';
import { GoodPracticesController } from './good-practices.controller';
import { PracticeDocumentsController } from './practice-documents.controller';
import { PracticeViewsController } from './practice-views.controller';

/** HTTP adapters of the good-practice catalogue. The views controller first: `matrix` is no id. */
@Module({
  imports: [PracticesModule],
  controllers: [PracticeViewsController, GoodPracticesController, PracticeDocumentsController],
})
export class PracticesHttpModule {}
