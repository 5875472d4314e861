import { Processor } from '@nestjs/bullmq';
import { QueueName } from '../job-names';
import { QueueProcessor } from './queue-processor';

@Processor(QueueName.System)
export class SystemQueueProcessor extends QueueProcessor {}
