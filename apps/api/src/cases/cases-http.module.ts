import { Module } from '@nestjs/common';
import { CasesModule } from '@amparo/cases';
import { AccessRequestsController } from './access-requests.controller';
import { CaseActionsController } from './case-actions.controller';
import { CasesController } from './cases.controller';
import { PersonsController } from './persons.controller';
import { WorkQueueController } from './work-queue.controller';

@Module({
  imports: [CasesModule],
  controllers: [
    CasesController,
    CaseActionsController,
    PersonsController,
    AccessRequestsController,
    WorkQueueController,
  ],
})
export class CasesHttpModule {}
