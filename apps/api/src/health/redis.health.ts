import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { createRedisClient } from '@amparo/jobs';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';

const PING_TIMEOUT_MS = 2000;

@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private client?: Redis;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async isReady(key: 'redis') {
    const indicator = this.indicators.check(key);
    if (this.config.jobs.mode !== 'redis') return indicator.up({ mode: 'in-process' });
    this.client ??= createRedisClient(this.config.jobs.redisUrl, 'health');
    try {
      await Promise.race([
        this.client.ping(),
        sleep(PING_TIMEOUT_MS).then(() => Promise.reject(new Error('timeout'))),
      ]);
      return indicator.up();
    } catch {
      return indicator.down({ message: 'unreachable' });
    }
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}
