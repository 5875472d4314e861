import { Module } from '@nestjs/common';
import { CasesModule } from '@amparo/cases';
import { AccessRequestsController } from './access-requests.controller';
import { BestInterestAssessmentsController } from './best-interest-assessments.controller';
import { CaseActionsController } from './case-actions.controller';
import { ConsentsController } from './consents.controller';
import { CaseloadController } from './caseload.controller';
import { CasesController } from './cases.controller';
import { CodeListsController } from './code-lists.controller';
import { PersonsController } from './persons.controller';
import { TransfersController } from './transfers.controller';
import { WorkQueueController } from './work-queue.controller';

@Module({
  imports: [CasesModule],
  controllers: [
    CasesController,
    CaseActionsController,
    PersonsController,
    AccessRequestsController,
    CodeListsController,
    CaseloadController,
    WorkQueueController,
    ConsentsController,
    TransfersController,
    BestInterestAssessmentsController,
  ],
})
export class CasesHttpModule {}
