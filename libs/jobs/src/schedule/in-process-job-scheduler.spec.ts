import { JobName } from '../job-names';
import { JobQueue } from '../queue/job-queue';
import { InProcessJobScheduler, nextRun } from './in-process-job-scheduler';

describe('nextRun', () => {
  it('finds the next date of a yearly cron pattern in UTC', () => {
    const now = Date.parse('2026-07-15T03:00:00Z');
    expect(new Date(nextRun({ pattern: '0 3 15 1 *' }, now)).toISOString()).toBe(
      '2027-01-15T03:00:00.000Z',
    );
    expect(new Date(nextRun({ pattern: '0 3 15 7 *' }, now - 1000)).toISOString()).toBe(
      '2026-07-15T03:00:00.000Z',
    );
  });

  it('adds a fixed interval', () => {
    expect(nextRun({ everyMs: 5000 }, 1000)).toBe(6000);
  });
});

describe('InProcessJobScheduler', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('keeps an interval running when the same schedule is declared again', async () => {
    const enqueue = jest.fn().mockResolvedValue(undefined);
    const scheduler = new InProcessJobScheduler({ enqueue } as unknown as JobQueue);
    await scheduler.schedule('cleanup', JobName.ExportsCleanup, {}, { everyMs: 1000 });
    jest.advanceTimersByTime(600);
    await scheduler.schedule('cleanup', JobName.ExportsCleanup, {}, { everyMs: 1000 });
    jest.advanceTimersByTime(500);
    expect(enqueue).toHaveBeenCalledTimes(1);
    expect(enqueue).toHaveBeenCalledWith(JobName.ExportsCleanup, {}, { jobId: 'cleanup:1000' });
    scheduler.beforeApplicationShutdown();
  });
});
