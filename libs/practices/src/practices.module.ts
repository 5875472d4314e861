import { Module } from '@nestjs/common';
import { CasesModule } from '@amparo/cases';
import { DirectoryModule } from '@amparo/directory';
import { IdentityModule } from '@amparo/identity';
import { GoodPracticesService } from './good-practices.service';
import { PracticeDocumentsService } from './practice-documents.service';
import { PracticeReviewService } from './practice-review.service';
import { PracticeViewsService } from './practice-views.service';

/**
 * The good-practice catalogue of the network: entries of member countries, their review by the
 * regional secretariat, their PDF documents, the comparative matrix and a case's practices. It
 * reads cases only through the cases context's services (whether the caller may read a case).
 */
@Module({
  imports: [IdentityModule, DirectoryModule, CasesModule],
  providers: [
    GoodPracticesService,
    PracticeReviewService,
    PracticeDocumentsService,
    PracticeViewsService,
  ],
  exports: [
    GoodPracticesService,
    PracticeReviewService,
    PracticeDocumentsService,
    PracticeViewsService,
  ],
})
export class PracticesModule {}
