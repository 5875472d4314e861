import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { safeErrorForLog } from '@amparo/core';
import { Queue } from 'bullmq';
import { ALL_QUEUES } from '../job-names';

const REPEAT_AFTER_MS = 30_000;

/**
 * A queue without an `error` listener prints every failed reconnect to the console while Redis is
 * down. This logs them through the application's logger instead, once per queue every 30 s.
 */
@Injectable()
export class QueueErrorLogger implements OnApplicationBootstrap {
  private readonly logger = new Logger('JobQueue');
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly moduleRef: ModuleRef) {}

  onApplicationBootstrap(): void {
    for (const name of ALL_QUEUES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error: Error) => this.log(name, error));
    }
  }

  private log(queue: string, error: Error): void {
    const now = Date.now();
    if (now - (this.lastLogged.get(queue) ?? 0) < REPEAT_AFTER_MS) return;
    this.lastLogged.set(queue, now);
    this.logger.warn({ error: safeErrorForLog(error), queue }, 'Queue cannot reach Redis');
  }
}
