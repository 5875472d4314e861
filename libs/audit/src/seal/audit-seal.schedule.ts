import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig, safeErrorForLog } from '@amparo/core';
import { JobName, JobScheduler, RUNS_JOBS } from '@amparo/jobs';

const REDECLARE_EVERY_MS = 15 * 60 * 1000;

/** Declares the sealing schedule where jobs run (the worker, or the API without Redis). */
@Injectable()
export class AuditSealSchedule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealSchedule.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Absent in scripts that write audit events without a job queue (demo seeding).
    @Optional() @Inject(RUNS_JOBS) private readonly runsJobs: boolean | null,
    @Optional() @Inject(JobScheduler) private readonly scheduler: JobScheduler | null,
  ) {}

  onApplicationBootstrap(): void {
    const scheduler = this.scheduler;
    if (!this.runsJobs || !scheduler) return;
    // Declared again now and then: a Redis that lost its data loses its schedules too.
    const declare = () =>
      void scheduler
        .schedule(
          'audit-seal',
          JobName.AuditSeal,
          {},
          { everyMs: this.config.audit.sealIntervalMs },
        )
        .catch((error: unknown) =>
          this.logger.error({ error: safeErrorForLog(error) }, 'Audit sealing not scheduled'),
        );
    declare();
    this.timer = setInterval(declare, REDECLARE_EVERY_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
