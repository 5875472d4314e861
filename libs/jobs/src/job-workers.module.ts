import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerRegistry } from './handlers/job-handler.registry';
import { ExportsQueueProcessor } from './queue/exports-queue.processor';
import { SystemQueueProcessor } from './queue/system-queue.processor';

/** BullMQ workers for every queue; imported by the worker app only. */
@Module({
  imports: [DiscoveryModule],
  providers: [JobHandlerRegistry, SystemQueueProcessor, ExportsQueueProcessor],
})
export class JobWorkersModule {}
