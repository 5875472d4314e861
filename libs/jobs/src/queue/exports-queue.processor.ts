import { Processor } from '@nestjs/bullmq';
import { QueueName } from '../job-names';
import { QueueProcessor } from './queue-processor';

/** Exports run on their own queue so that a long export never delays system jobs. */
@Processor(QueueName.Exports)
export class ExportsQueueProcessor extends QueueProcessor {}
