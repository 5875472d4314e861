import { Injectable } from '@nestjs/common';
import { TransactionListeners } from '../listeners/transaction-listeners';

/** A case taken by another post of its country (an accepted transfer). */
export interface CaseMove {
  caseId: string;
  fromConsulateId: string;
  toConsulateId: string;
  newReference: string;
}

/**
 * What follows a case to its new post: rows of other contexts that name the case's post or
 * reference (its referrals, its assistance requests) move with it, so the new post sees them and
 * the old one stops seeing them.
 */
@Injectable()
export class CaseMoveListeners extends TransactionListeners<CaseMove> {}
