import { Module } from '@nestjs/common';
import { DirectoryModule } from '@amparo/directory';
import { IdentityModule } from '@amparo/identity';
import { AccessRequestsService } from './access/access-requests.service';
import { CaseAccess } from './access/case-access';
import { ConsularActionsService } from './actions/consular-actions.service';
import { CasesService } from './cases/cases.service';
import { CaseHistoryService } from './history/case-history.service';
import { PersonsService } from './persons/persons.service';

/** Persons, cases, consular actions and case history. */
@Module({
  imports: [IdentityModule, DirectoryModule],
  providers: [
    CaseAccess,
    AccessRequestsService,
    PersonsService,
    CasesService,
    ConsularActionsService,
    CaseHistoryService,
  ],
  exports: [
    CaseAccess,
    AccessRequestsService,
    PersonsService,
    CasesService,
    ConsularActionsService,
    CaseHistoryService,
  ],
})
export class CasesModule {}
