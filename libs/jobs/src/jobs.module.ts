import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig } from '@amparo/core';
import { JobHandlerRegistry } from './handlers/job-handler.registry';
import { ALL_QUEUES } from './job-names';
import { BullmqJobQueue } from './queue/bullmq-job-queue';
import { DEFAULT_JOB_OPTIONS } from './queue/job-retry';
import { InProcessJobQueue } from './queue/in-process-job-queue';
import { JobQueue } from './queue/job-queue';
import { bullConnection } from './redis/redis-connection';
import { QueueErrorLogger } from './redis/queue-error-logger';
import { RedisEvictionCheck } from './redis/redis-eviction-check';
import { BullmqJobScheduler } from './schedule/bullmq-job-scheduler';
import { InProcessJobScheduler } from './schedule/in-process-job-scheduler';
import { JobScheduler, RUNS_JOBS } from './schedule/job-scheduler';

/**
 * The job queue for a process. With Redis: BullMQ queues (and, for the worker, worker-grade
 * connections). Without: jobs run in this process through the same handlers.
 */
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig, role: 'producer' | 'worker'): DynamicModule {
    if (config.jobs.mode === 'redis') {
      return {
        module: JobsModule,
        global: true,
        imports: [
          BullModule.forRoot({
            connection: bullConnection(config.jobs.redisUrl, role),
            prefix: config.jobs.prefix,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
          BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
        ],
        providers: [
          RedisEvictionCheck,
          QueueErrorLogger,
          { provide: JobQueue, useClass: BullmqJobQueue },
          { provide: JobScheduler, useClass: BullmqJobScheduler },
          { provide: RUNS_JOBS, useValue: role === 'worker' },
        ],
        exports: [JobQueue, JobScheduler, RUNS_JOBS, BullModule],
      };
    }
    return {
      module: JobsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        JobHandlerRegistry,
        { provide: JobQueue, useClass: InProcessJobQueue },
        { provide: JobScheduler, useClass: InProcessJobScheduler },
        { provide: RUNS_JOBS, useValue: true },
      ],
      exports: [JobQueue, JobScheduler, RUNS_JOBS],
    };
  }
}
