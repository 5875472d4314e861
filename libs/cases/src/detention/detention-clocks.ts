import { DetentionActivity, DetentionRecord } from './detention';

/** The deployment's rule (env `DETENTION_*`): past these, an open detention is overdue. */
export interface DetentionRule {
  notificationOverdueHours: number;
  firstContactOverdueHours: number;
  visitOverdueDays: number;
}

export type DetentionOverdueRule = 'notification' | 'first_contact' | 'visit';

/** One broken rule: which, its limit, the time it measures and how far past the limit. */
export interface DetentionOverdue {
  rule: DetentionOverdueRule;
  unit: 'hours' | 'days';
  limit: number;
  actual: number;
  lateBy: number;
  /** `lateBy` in hours, to order reasons of different units. */
  lateByHours: number;
}

export interface DetentionClocks {
  open: boolean;
  /** Notified − arrested, in hours; null before the notification. */
  notificationDelayHours: number | null;
  firstContactAt: Date | null;
  firstContactSource: 'recorded' | 'actions' | null;
  /** First contact − notified, in hours. */
  timeToFirstContactHours: number | null;
  visitCount: number;
  lastVisitAt: Date | null;
  /** Whole days since the last visit, or since the notification when never visited; null once released. */
  daysSinceLastVisit: number | null;
  overdue: DetentionOverdue[];
  /** The largest `lateByHours`: how the queue orders detentions; 0 when none is broken. */
  mostLateHours: number;
}

export type DetentionWithClocks = DetentionRecord & { clocks: DetentionClocks };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const tenth = (n: number) => Math.round(n * 10) / 10;

/**
 * The VCCR art. 36 clocks of one detention at `now`. The rules apply only while the person is
 * detained. A late notification keeps the detention overdue until the first consular contact,
 * which is what the post can still do about it; its delay stays shown after that.
 */
export function detentionClocks(
  d: Pick<DetentionRecord, 'arrestedAt' | 'notifiedAt' | 'firstContactAt' | 'releasedAt'>,
  activity: DetentionActivity,
  rule: DetentionRule,
  now: Date,
): DetentionClocks {
  const arrested = new Date(d.arrestedAt).getTime();
  const notified = d.notifiedAt ? new Date(d.notifiedAt).getTime() : null;
  const open = d.releasedAt === null;
  const firstContact = d.firstContactAt ?? activity.firstContactActionAt;
  const contacted = firstContact ? new Date(firstContact).getTime() : null;
  const lastVisit = activity.lastVisitAt ? new Date(activity.lastVisitAt).getTime() : null;
  const since = lastVisit ?? notified;
  const daysSinceLastVisit =
    open && since !== null ? Math.floor((now.getTime() - since) / DAY) : null;

  const overdue: DetentionOverdue[] = [];
  const late = (
    rule: DetentionOverdueRule,
    unit: 'hours' | 'days',
    limit: number,
    actual: number,
  ) => {
    if (actual <= limit) return;
    const lateBy = tenth(actual - limit);
    overdue.push({
      rule,
      unit,
      limit,
      actual: tenth(actual),
      lateBy,
      lateByHours: unit === 'days' ? lateBy * 24 : lateBy,
    });
  };
  if (open && contacted === null) {
    late(
      'notification',
      'hours',
      rule.notificationOverdueHours,
      ((notified ?? now.getTime()) - arrested) / HOUR,
    );
    if (notified !== null)
      late(
        'first_contact',
        'hours',
        rule.firstContactOverdueHours,
        (now.getTime() - notified) / HOUR,
      );
  }
  if (open && since !== null)
    late('visit', 'days', rule.visitOverdueDays, (now.getTime() - since) / DAY);

  return {
    open,
    notificationDelayHours: notified === null ? null : tenth((notified - arrested) / HOUR),
    firstContactAt: firstContact ? new Date(firstContact) : null,
    firstContactSource: d.firstContactAt ? 'recorded' : firstContact ? 'actions' : null,
    timeToFirstContactHours:
      contacted !== null && notified !== null ? tenth((contacted - notified) / HOUR) : null,
    visitCount: activity.visitCount,
    lastVisitAt: activity.lastVisitAt ? new Date(activity.lastVisitAt) : null,
    daysSinceLastVisit,
    overdue,
    mostLateHours: Math.max(0, ...overdue.map((o) => o.lateByHours)),
  };
}
