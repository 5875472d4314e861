import { Caller } from '@amparo/identity';
import { EntityManager } from 'typeorm';

/** Work another context does when something happens to a case, in the same transaction. */
export type TransactionListener<E> = (
  manager: EntityManager,
  caller: Caller,
  event: E,
) => Promise<void>;

/**
 * Where contexts above the cases (referrals, assistance requests) register what an event of a case
 * means to their own rows: the cases context cannot call them, they call into it. Listeners run in
 * the event's transaction, so both commit together or not at all.
 */
export class TransactionListeners<E> {
  private readonly listeners: TransactionListener<E>[] = [];

  register(listener: TransactionListener<E>): void {
    this.listeners.push(listener);
  }

  async notify(manager: EntityManager, caller: Caller, event: E): Promise<void> {
    for (const listener of this.listeners) await listener(manager, caller, event);
  }
}
