import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig, safeErrorForLog } from '@amparo/core';
import { JobName, JobScheduler, RUNS_JOBS } from '@amparo/jobs';

const CLEANUP_EVERY_MS = 3600 * 1000;
const SEMESTER_PREFIX = 'semester-report:';
const REDECLARE_EVERY_MS = 15 * 60 * 1000;

/**
 * Declares the statistics schedules where jobs run: the hourly export cleanup, and the semester
 * report on each configured date at 03:00 UTC. Dates removed from the configuration are unscheduled.
 */
@Injectable()
export class StatisticsSchedules implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StatisticsSchedules.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RUNS_JOBS) private readonly runsJobs: boolean,
    private readonly scheduler: JobScheduler,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.runsJobs) return;
    // Not awaited: with Redis down a worker still starts, and schedules are set once it is back.
    // Declared again now and then: a Redis that lost its data (no persistence) loses them too.
    const declare = () =>
      void this.declare().catch((error: unknown) =>
        this.logger.error({ error: safeErrorForLog(error) }, 'Statistics schedules not declared'),
      );
    declare();
    this.timer = setInterval(declare, REDECLARE_EVERY_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async declare(): Promise<void> {
    await this.scheduler.schedule(
      'exports-cleanup',
      JobName.ExportsCleanup,
      {},
      {
        everyMs: CLEANUP_EVERY_MS,
      },
    );
    const ids: string[] = [];
    for (const date of this.config.statistics.semesterReportDates) {
      const [month, day] = date.split('-').map(Number);
      const id = `${SEMESTER_PREFIX}${date}`;
      ids.push(id);
      await this.scheduler.schedule(
        id,
        JobName.SemesterReport,
        {},
        {
          pattern: `0 3 ${day} ${month} *`,
        },
      );
    }
    await this.scheduler.removeOthers(SEMESTER_PREFIX, ids);
  }
}
