import { Caller } from '@amparo/identity';
import { GoodPractice } from './good-practice';

/** The roles that submit their own country's practices (practices:submit). */
const SUBMITTER_ROLES = new Set(['admin', 'consul']);

/** The countries whose practices the caller submits and edits: an admin's, a consul's post's. */
export function submitterCountries(caller: Caller): string[] {
  if (!caller.permissions.has('practices:submit')) return [];
  return [
    ...new Set(
      caller.grants
        .filter((g) => SUBMITTER_ROLES.has(g.role) && g.countryCode)
        .map((g) => g.countryCode!),
    ),
  ];
}

/** The regional secretariat reviews, publishes and returns; it sees every entry. */
export function isReviewer(caller: Caller): boolean {
  return caller.permissions.has('practices:review');
}

/**
 * Who sees an entry: published ones every staff role; the rest (drafts, submitted, returned,
 * withdrawn) only the submitters of its country and the secretariat.
 */
export function maySee(caller: Caller, practice: Pick<GoodPractice, 'status' | 'countryCode'>) {
  return (
    practice.status === 'published' ||
    isReviewer(caller) ||
    submitterCountries(caller).includes(practice.countryCode)
  );
}

/** The SQL form of `maySee` over alias `p`, with its parameters appended to `params`. */
export function visibleCondition(caller: Caller): { sql: string; values: unknown[] } {
  if (isReviewer(caller)) return { sql: 'TRUE', values: [] };
  return {
    sql: `(p.status = 'published' OR p.country_code = ANY(?::char(2)[]))`,
    values: [submitterCountries(caller)],
  };
}

export function mayEdit(caller: Caller, practice: Pick<GoodPractice, 'countryCode'>): boolean {
  return submitterCountries(caller).includes(practice.countryCode);
}
