import { Injectable } from '@nestjs/common';
import { CaseAccess } from '@amparo/cases';
import { Caller } from '@amparo/identity';
import { WELFARE_STATUSES, WelfareStatus } from '../crisis-codes';
import { CrisisEventAccess } from '../events/crisis-event-access';

export type WelfareCounts = Record<WelfareStatus, number>;

export interface CrisisDashboard {
  eventId: string;
  total: number;
  byWelfareStatus: WelfareCounts;
  /** Per subdivision of the host country where people are (null: not known), most people first. */
  bySubdivision: { subdivision: string | null; total: number; counts: WelfareCounts }[];
  /** Each day (or week) from the event's start: the status everyone on the roster had at its end. */
  overTime: { date: string; total: number; counts: WelfareCounts }[];
}

/** More points than this and the series starts later (a long event's last year, day by day). */
const MAX_POINTS = 366;

const zero = (): WelfareCounts =>
  Object.fromEntries(WELFARE_STATUSES.map((s) => [s, 0])) as WelfareCounts;

/**
 * The event's dashboard: exact counts of the roster by welfare status, by subdivision, and over
 * time from the welfare history. Counts only, read under the wall: exact for the event's staff.
 */
@Injectable()
export class CrisisDashboardService {
  constructor(
    private readonly cases: CaseAccess,
    private readonly events: CrisisEventAccess,
  ) {}

  async dashboard(
    caller: Caller,
    eventId: string,
    interval: 'day' | 'week' = 'day',
  ): Promise<CrisisDashboard> {
    return this.cases.read(caller, async (m) => {
      const event = await this.events.find(caller, m, eventId);
      const bySubdivision = await m.query<
        { subdivision: string | null; status: WelfareStatus; n: number }[]
      >(
        `SELECT r.location_subdivision AS subdivision, r.welfare_status AS status, count(*)::int AS n
           FROM crisis_roster_entries r WHERE r.event_id = $1 GROUP BY 1, 2`,
        [event.id],
      );
      const end = event.endedAt ?? new Date();
      const step = interval === 'week' ? 7 : 1;
      const start = new Date(
        Math.max(event.startedAt.getTime(), end.getTime() - MAX_POINTS * step * 86_400_000),
      );
      // The last change of each entry before the end of each period (UTC days).
      const overTime = await m.query<{ date: string; status: WelfareStatus; n: number }[]>(
        `WITH periods AS (
           SELECT d::date AS day FROM generate_series($2::date, $3::date, make_interval(days => $4)) AS d)
         SELECT to_char(p.day, 'YYYY-MM-DD') AS date, s.status, count(*)::int AS n
           FROM periods p
           CROSS JOIN LATERAL (
             SELECT DISTINCT ON (w.entry_id) w.status FROM crisis_welfare_changes w
              WHERE w.event_id = $1
                AND w.changed_at < ((p.day + $4)::timestamp AT TIME ZONE 'UTC')
              ORDER BY w.entry_id, w.changed_at DESC, w.id DESC) s
          GROUP BY p.day, s.status ORDER BY p.day`,
        [event.id, isoDate(start), isoDate(end), step],
      );
      const byWelfareStatus = zero();
      const subdivisions = new Map<string | null, WelfareCounts>();
      for (const row of bySubdivision) {
        byWelfareStatus[row.status] += row.n;
        const counts = subdivisions.get(row.subdivision) ?? zero();
        counts[row.status] += row.n;
        subdivisions.set(row.subdivision, counts);
      }
      const days = new Map<string, WelfareCounts>();
      for (const d of periods(start, end, step)) days.set(d, zero());
      for (const row of overTime) (days.get(row.date) ?? zero())[row.status] = row.n;
      return {
        eventId: event.id,
        total: sum(byWelfareStatus),
        byWelfareStatus,
        bySubdivision: [...subdivisions]
          .map(([subdivision, counts]) => ({ subdivision, total: sum(counts), counts }))
          .sort(
            (a, b) =>
              b.total - a.total ||
              // Where people are not known comes after the places, among equals.
              Number(a.subdivision === null) - Number(b.subdivision === null) ||
              (a.subdivision ?? '').localeCompare(b.subdivision ?? ''),
          ),
        overTime: [...days].map(([date, counts]) => ({ date, total: sum(counts), counts })),
      };
    });
  }
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function* periods(start: Date, end: Date, step: number): Generator<string> {
  const last = isoDate(end);
  for (let d = new Date(`${isoDate(start)}T00:00:00Z`); isoDate(d) <= last;) {
    yield isoDate(d);
    d = new Date(d.getTime() + step * 86_400_000);
  }
}

function sum(counts: WelfareCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
