import { Injectable } from '@nestjs/common';
import { TransactionListener, TransactionListeners } from '../listeners/transaction-listeners';
import { ConsentPurpose } from './consent';

export interface ConsentWithdrawal {
  caseId: string;
  personId: string;
  purposes: ConsentPurpose[];
  withdrawnAt: Date;
}

/** Work that must stop when a person withdraws consent (pending referrals and requests). */
export type ConsentWithdrawalListener = TransactionListener<ConsentWithdrawal>;

@Injectable()
export class ConsentWithdrawalListeners extends TransactionListeners<ConsentWithdrawal> {}
