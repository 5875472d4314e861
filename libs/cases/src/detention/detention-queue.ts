import { DetentionOverdue, DetentionRule } from './detention-clocks';

/** One overdue detention of a case the caller works: no names, the case opens the rest. */
export interface OverdueDetention {
  detentionId: string;
  caseId: string;
  caseReference: string;
  consulateId: string;
  personId: string;
  arrestedAt: Date;
  notifiedAt: Date | null;
  lastVisitAt: Date | null;
  overdue: DetentionOverdue[];
  mostLateHours: number;
}

/** The overdue-detentions section of the work queue. */
export interface DetentionQueue {
  rule: DetentionRule;
  /** Of the posts the caller works, most overdue first. */
  items: OverdueDetention[];
  /** How many overdue detentions each post in scope has (a supervisor's view of the country). */
  posts: { consulateId: string; consulateName: string; postCode: string; overdue: number }[];
}
