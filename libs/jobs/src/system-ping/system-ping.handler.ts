import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { HandlesJob, JobHandler } from '../handlers/job-handler';
import { JobName, JobPayloads } from '../job-names';
import { SystemPingService } from './system-ping.service';

@Injectable()
@HandlesJob(JobName.SystemPing)
export class SystemPingHandler implements JobHandler<typeof JobName.SystemPing> {
  constructor(private readonly pings: SystemPingService) {}

  async handle({ pingId }: JobPayloads[typeof JobName.SystemPing]): Promise<void> {
    const ping = await this.pings.find(pingId);
    if (ping.delayMs > 0) await sleep(ping.delayMs);
    await this.pings.complete(pingId);
  }
}
