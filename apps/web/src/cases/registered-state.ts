import type { components } from '../api/schema';

/** What the intake hands the case page it opens: the API's possible duplicates of the new persons. */
export interface RegisteredState {
  registered: {
    reference: string;
    possibleDuplicates: components['schemas']['PossibleDuplicateResponse'][];
  };
}

export function isRegisteredState(state: unknown): state is RegisteredState {
  return typeof state === 'object' && state !== null && 'registered' in state;
}
