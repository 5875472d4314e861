import { Type } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { AppConfig } from '@amparo/core';
import { QueueName } from '../job-names';
import { QueueProcessor } from './queue-processor';

/**
 * One processor class per queue (exports run on their own, so that a long export never delays
 * system jobs), its BullMQ worker tuned by the configuration. @nestjs/bullmq reads worker options
 * from the class decorator only, hence classes made at start-up rather than written out.
 */
export function queueProcessors(
  jobs: Extract<AppConfig['jobs'], { mode: 'redis' }>,
): Type<QueueProcessor>[] {
  return Object.values(QueueName).map((queue) => {
    class ConfiguredQueueProcessor extends QueueProcessor {}
    Object.defineProperty(ConfiguredQueueProcessor, 'name', {
      value: `${queue[0].toUpperCase()}${queue.slice(1)}QueueProcessor`,
    });
    Processor(queue, {
      lockDuration: jobs.lockDurationMs,
      stalledInterval: jobs.stalledIntervalMs,
    })(ConfiguredQueueProcessor);
    return ConfiguredQueueProcessor;
  });
}
