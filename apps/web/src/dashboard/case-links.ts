import { dayAfter, dayBefore } from './period';

/** Every status but closed: what the caseload counts as open. */
export const NOT_CLOSED = ['open', 'in_progress', 'waiting', 'closure_requested', 'reopened'];

/**
 * The case list (`/cases`) with GET /cases's filters in its URL, under the same names, so each
 * figure of the dashboard opens the very cases it counts.
 */
export function casesLink(filters: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) search.set(name, value);
  return `/cases?${search.toString()}`;
}

const midnight = (date: string) => `${date}T00:00:00.000Z`;

/** The lists behind the caseload's four figures, at one post or across the scope. */
export function tileLinks(today: string, consulateId?: string) {
  return {
    open: casesLink({ status: NOT_CLOSED.join(','), consulateId }),
    // Overdue: due before today, so due on or before yesterday (closed cases are never due).
    overdue: casesLink({ nextStepDueTo: dayBefore(today), sort: 'nextStepDue', consulateId }),
    closureRequested: casesLink({ status: 'closure_requested', consulateId }),
    waiting: casesLink({ status: 'waiting', consulateId }),
  };
}

export const officerLink = (officerId: string, consulateId: string) =>
  casesLink({ status: NOT_CLOSED.join(','), consulateId, assignedOfficerId: officerId });

/** Cases of a category opened (or closed) from the first to the last day given, both inclusive. */
export function categoryLink(
  event: 'opened' | 'closed',
  category: string,
  dates: { from: string; to: string },
  consulateId?: string,
): string {
  return casesLink({
    category,
    [`${event}From`]: midnight(dates.from),
    [`${event}To`]: midnight(dayAfter(dates.to)),
    consulateId,
  });
}
