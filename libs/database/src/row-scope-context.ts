import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from 'typeorm';

/** The transaction with the wall up (row-security.ts) that the current work runs in, if any. */
export const rowScopedTransactions = new AsyncLocalStorage<EntityManager>();
