import { detentionClocks, DetentionRule } from './detention-clocks';

const RULE: DetentionRule = {
  notificationOverdueHours: 72,
  firstContactOverdueHours: 72,
  visitOverdueDays: 30,
};
const NOW = new Date('2026-12-04T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const daysAgo = (d: number) => hoursAgo(d * 24);
const none = { visitCount: 0, lastVisitAt: null, firstContactActionAt: null };
const detention = (over: Partial<Record<string, Date | null>> = {}) => ({
  arrestedAt: hoursAgo(100),
  notifiedAt: hoursAgo(20),
  firstContactAt: null,
  releasedAt: null,
  ...over,
});

describe('detentionClocks', () => {
  it('measures the notification delay and finds it overdue past the rule until first contact', () => {
    const clocks = detentionClocks(detention(), none, RULE, NOW);
    expect(clocks.notificationDelayHours).toBe(80);
    expect(clocks.overdue).toEqual([
      { rule: 'notification', unit: 'hours', limit: 72, actual: 80, lateBy: 8, lateByHours: 8 },
    ]);
    expect(clocks.mostLateHours).toBe(8);
  });

  it('is not overdue under a deployment rule of 96 hours', () => {
    const clocks = detentionClocks(
      detention(),
      none,
      { ...RULE, notificationOverdueHours: 96 },
      NOW,
    );
    expect(clocks.notificationDelayHours).toBe(80);
    expect(clocks.overdue).toEqual([]);
    expect(clocks.mostLateHours).toBe(0);
  });

  it('counts a pending notification from the arrest to now', () => {
    const clocks = detentionClocks(detention({ notifiedAt: null }), none, RULE, NOW);
    expect(clocks.notificationDelayHours).toBeNull();
    expect(clocks.overdue.map((o) => [o.rule, o.actual])).toEqual([['notification', 100]]);
    expect(clocks.daysSinceLastVisit).toBeNull();
  });

  it('derives the first contact from the actions and leaves the late notification to history', () => {
    const clocks = detentionClocks(
      detention(),
      { ...none, firstContactActionAt: hoursAgo(8) },
      RULE,
      NOW,
    );
    expect(clocks.firstContactSource).toBe('actions');
    expect(clocks.timeToFirstContactHours).toBe(12);
    expect(clocks.notificationDelayHours).toBe(80);
    expect(clocks.overdue).toEqual([]);
  });

  it('prefers a recorded first contact over the actions', () => {
    const clocks = detentionClocks(
      detention({ firstContactAt: hoursAgo(18) }),
      { ...none, firstContactActionAt: hoursAgo(8) },
      RULE,
      NOW,
    );
    expect(clocks.firstContactSource).toBe('recorded');
    expect(clocks.timeToFirstContactHours).toBe(2);
  });

  it('finds the first contact overdue when notified long ago and nobody went', () => {
    const clocks = detentionClocks(
      detention({ arrestedAt: hoursAgo(100), notifiedAt: hoursAgo(90) }),
      none,
      RULE,
      NOW,
    );
    expect(clocks.overdue).toEqual([
      { rule: 'first_contact', unit: 'hours', limit: 72, actual: 90, lateBy: 18, lateByHours: 18 },
    ]);
  });

  it('counts days without a visit from the notification, then from the last visit', () => {
    const base = detention({ arrestedAt: daysAgo(33), notifiedAt: daysAgo(32) });
    const contacted = { ...none, firstContactActionAt: daysAgo(31) };
    const never = detentionClocks(base, contacted, RULE, NOW);
    expect(never.daysSinceLastVisit).toBe(32);
    expect(never.overdue).toEqual([
      { rule: 'visit', unit: 'days', limit: 30, actual: 32, lateBy: 2, lateByHours: 48 },
    ]);
    const visited = detentionClocks(
      base,
      { ...contacted, visitCount: 1, lastVisitAt: daysAgo(1) },
      RULE,
      NOW,
    );
    expect(visited.daysSinceLastVisit).toBe(1);
    expect(visited.visitCount).toBe(1);
    expect(visited.overdue).toEqual([]);
  });

  it('stops every clock at the release', () => {
    const clocks = detentionClocks(
      detention({ notifiedAt: daysAgo(40), arrestedAt: daysAgo(45), releasedAt: daysAgo(1) }),
      none,
      RULE,
      NOW,
    );
    expect(clocks.open).toBe(false);
    expect(clocks.daysSinceLastVisit).toBeNull();
    expect(clocks.overdue).toEqual([]);
    expect(clocks.notificationDelayHours).toBe(120);
  });

  it('orders reasons of different units by hours late', () => {
    const clocks = detentionClocks(
      detention({ arrestedAt: daysAgo(40), notifiedAt: daysAgo(35) }),
      none,
      RULE,
      NOW,
    );
    expect(clocks.overdue.map((o) => o.rule)).toEqual(['notification', 'first_contact', 'visit']);
    expect(clocks.mostLateHours).toBe(35 * 24 - 72);
  });
});
