import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { ALL_JOBS, JobName, JobPayloads } from '../job-names';
import { JOB_HANDLER_METADATA, JobContext, JobHandler } from './job-handler';

/**
 * Finds every `@HandlesJob` provider. Where jobs are processed, start-up fails when a job has no
 * handler or two, instead of jobs failing one by one later.
 */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype || typeof metatype !== 'function') continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_METADATA, metatype);
      if (!name) continue;
      if (this.handlers.has(name)) throw new Error(`Job ${name} has two handlers`);
      this.handlers.set(name, instance as JobHandler<JobName>);
    }
    const missing = ALL_JOBS.filter((name) => !this.handlers.has(name));
    if (missing.length) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
  }

  async run<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    context: JobContext,
  ): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler registered for job ${name}`);
    await handler.handle(payload, context);
  }
}
