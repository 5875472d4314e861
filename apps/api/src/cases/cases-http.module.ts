import { Module } from '@nestjs/common';
import { CasesModule } from '@amparo/cases';
import { CaseActionsController } from './case-actions.controller';
import { CasesController } from './cases.controller';
import { PersonsController } from './persons.controller';

@Module({
  imports: [CasesModule],
  controllers: [CasesController, CaseActionsController, PersonsController],
})
export class CasesHttpModule {}
