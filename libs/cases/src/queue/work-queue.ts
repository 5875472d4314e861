import { CaseStatus } from '../case-codes';

export const WORK_QUEUE_TABS = [
  'mine',
  'next_steps',
  'waiting',
  'closure_requests',
  'access_requests',
  'closure_approvals',
] as const;
export type WorkQueueTabId = (typeof WORK_QUEUE_TABS)[number];

/** What `GET /cases` takes to list a tab: the same filters the tab's count is made of. */
export interface WorkQueueFilter {
  status?: CaseStatus[];
  assignedOfficerId?: string;
  nextStepDueTo?: string;
  withoutConsul?: boolean;
  sort?: string;
}

export interface WorkQueueTab {
  id: WorkQueueTabId;
  count: number;
  /** Of those, how many have a next step due before today; null where the tab has no due dates. */
  overdue: number | null;
  filter: WorkQueueFilter;
}

export interface WorkQueue {
  /** The UTC calendar date the counts were made for (`YYYY-MM-DD`). */
  today: string;
  tabs: WorkQueueTab[];
}

/** How far ahead the next-steps tab looks, today included. */
export const NEXT_STEPS_DAYS_AHEAD = 7;

/**
 * The caller's own work: cases to move on. `waiting` is paused on someone else and has its own tab;
 * `closure_requested` is the consul's to decide (docs/workflow.md).
 */
export const MINE_STATUSES: CaseStatus[] = ['open', 'in_progress', 'reopened'];

/** The UTC calendar date of an instant, and the one `days` later. */
export function utcDate(now: Date, days = 0): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

type CaseTab = { id: Exclude<WorkQueueTabId, 'access_requests'>; filter: WorkQueueFilter };

/**
 * The supervisor's tab: closure requests of the country's posts that have no active consul, which
 * the supervisor decides instead (docs/workflow.md).
 */
export const CLOSURE_APPROVALS_TAB: CaseTab = {
  id: 'closure_approvals',
  filter: { status: ['closure_requested'], withoutConsul: true, sort: 'updatedAt' },
};

/** The case tabs' filters of an officer or consul, in the order the queue shows them. */
export function caseTabFilters(
  userId: string,
  now: Date,
  { approvesClosures }: { approvesClosures: boolean },
): CaseTab[] {
  const tabs: CaseTab[] = [
    {
      id: 'mine',
      filter: { status: MINE_STATUSES, assignedOfficerId: userId, sort: 'nextStepDue' },
    },
    {
      id: 'next_steps',
      filter: { nextStepDueTo: utcDate(now, NEXT_STEPS_DAYS_AHEAD), sort: 'nextStepDue' },
    },
    { id: 'waiting', filter: { status: ['waiting'], sort: 'nextStepDue' } },
  ];
  if (approvesClosures)
    tabs.push({
      id: 'closure_requests',
      filter: { status: ['closure_requested'], sort: 'updatedAt' },
    });
  return tabs;
}
