import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '@amparo/core';
import { JobHandlerRegistry } from './handlers/job-handler.registry';
import { queueProcessors } from './queue/queue-processors';

/** BullMQ workers for every queue; imported by the worker app only. */
@Module({})
export class JobWorkersModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.jobs.mode !== 'redis') throw new Error('BullMQ workers need REDIS_URL');
    return {
      module: JobWorkersModule,
      imports: [DiscoveryModule],
      providers: [JobHandlerRegistry, ...queueProcessors(config.jobs)],
    };
  }
}
