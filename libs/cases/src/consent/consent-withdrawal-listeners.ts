import { Injectable } from '@nestjs/common';
import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import { ConsentPurpose } from './consent';

export interface ConsentWithdrawal {
  caseId: string;
  personId: string;
  purposes: ConsentPurpose[];
  withdrawnAt: Date;
}

/** Work that must stop when a person withdraws consent, done in the withdrawal's transaction. */
export type ConsentWithdrawalListener = (
  manager: EntityManager,
  caller: Caller,
  withdrawal: ConsentWithdrawal,
) => Promise<void>;

/**
 * Where contexts above the cases (referrals, assistance requests) register what a withdrawal stops:
 * the cases context cannot call them, they call into it.
 */
@Injectable()
export class ConsentWithdrawalListeners {
  private readonly listeners: ConsentWithdrawalListener[] = [];

  register(listener: ConsentWithdrawalListener): void {
    this.listeners.push(listener);
  }

  async notify(
    manager: EntityManager,
    caller: Caller,
    withdrawal: ConsentWithdrawal,
  ): Promise<void> {
    for (const listener of this.listeners) await listener(manager, caller, withdrawal);
  }
}
