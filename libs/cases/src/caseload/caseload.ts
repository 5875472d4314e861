import { CaseCategory } from '../case-codes';

/** What the caller asks for: the period of the over-time series, and optionally one post. */
export interface CaseloadQuery {
  /** UTC dates, both inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  consulateId?: string;
}

/** Counts of cases that are not closed (open, in progress, waiting, closure requested, reopened). */
export interface OpenCounts {
  open: number;
  /** Not closed, with a next step due before today. */
  overdueNextSteps: number;
  closureRequested: number;
  waiting: number;
}

export interface PostCaseload extends OpenCounts {
  consulateId: string;
  postCode: string;
  name: string;
}

/** The not-closed cases assigned to one officer at one post; `officerId` null for unassigned. */
export interface OfficerCaseload {
  officerId: string | null;
  displayName: string | null;
  consulateId: string;
  open: number;
  overdueNextSteps: number;
}

/** Cases opened and closed in one month (UTC) under one category, primary or secondary. */
export interface MonthCategoryCount {
  month: string;
  category: CaseCategory;
  opened: number;
  closed: number;
}

/** The supervisor's dashboard figures, over the cases the caller may list. */
export interface Caseload {
  today: string;
  from: string;
  to: string;
  totals: OpenCounts;
  byPost: PostCaseload[];
  byOfficer: OfficerCaseload[];
  openedClosed: MonthCategoryCount[];
}
