import { Module } from '@nestjs/common';
import { DirectoryModule } from '@amparo/directory';
import { IdentityModule } from '@amparo/identity';
import { AccessRequestsService } from './access/access-requests.service';
import { CaseAccess } from './access/case-access';
import { ConsularActionsService } from './actions/consular-actions.service';
import { CaseloadService } from './caseload/caseload.service';
import { CaseAbilitiesPolicy } from './cases/case-abilities';
import { CaseAssignmentService } from './cases/case-assignment.service';
import { CaseChangesService } from './cases/case-changes.service';
import { CaseListingService } from './cases/case-listing.service';
import { CaseLookup } from './cases/case-lookup';
import { CaseRegistrationService } from './cases/case-registration.service';
import { CaseHistoryService } from './history/case-history.service';
import { CaseConsentsService } from './consent/case-consents.service';
import { CaseMoveListeners } from './transfers/case-move-listeners';
import { ConsentWithdrawalListeners } from './consent/consent-withdrawal-listeners';
import { PersonsService } from './persons/persons.service';
import { BestInterestAssessmentsService } from './safeguards/best-interest-assessments.service';
import { ChildSafeguards } from './safeguards/child-safeguards';
import { ChildWhereaboutsPolicy } from './safeguards/child-whereabouts';
import { WorkQueueService } from './queue/work-queue.service';
import { TransferAcceptanceService } from './transfers/transfer-acceptance.service';
import { TransferLookup } from './transfers/transfer-lookup';
import { TransferViews } from './transfers/transfer-views';
import { TransfersService } from './transfers/transfers.service';

/** Persons, cases, consular actions, case history and transfers of cases between posts. */
@Module({
  imports: [IdentityModule, DirectoryModule],
  providers: [
    CaseAccess,
    AccessRequestsService,
    PersonsService,
    CaseLookup,
    CaseRegistrationService,
    CaseListingService,
    CaseChangesService,
    CaseAssignmentService,
    ConsularActionsService,
    CaseHistoryService,
    CaseloadService,
    CaseAbilitiesPolicy,
    WorkQueueService,
    CaseConsentsService,
    ConsentWithdrawalListeners,
    CaseMoveListeners,
    TransferLookup,
    TransferViews,
    TransfersService,
    TransferAcceptanceService,
    ChildSafeguards,
    BestInterestAssessmentsService,
    ChildWhereaboutsPolicy,
  ],
  exports: [
    CaseAccess,
    AccessRequestsService,
    PersonsService,
    CaseLookup,
    CaseRegistrationService,
    CaseListingService,
    CaseChangesService,
    CaseAssignmentService,
    ConsularActionsService,
    CaseHistoryService,
    CaseloadService,
    CaseAbilitiesPolicy,
    WorkQueueService,
    CaseConsentsService,
    ConsentWithdrawalListeners,
    CaseMoveListeners,
    TransfersService,
    TransferAcceptanceService,
    ChildSafeguards,
    BestInterestAssessmentsService,
    ChildWhereaboutsPolicy,
  ],
})
export class CasesModule {}
