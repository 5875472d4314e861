import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { judgeEvictionPolicy } from './eviction-policy';
import { createRedisClient } from './redis-connection';

/** Reads Redis' maxmemory-policy at start-up; production refuses to start unless noeviction. */
@Injectable()
export class RedisEvictionCheck implements OnModuleInit {
  private readonly logger = new Logger('Redis');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (this.config.jobs.mode !== 'redis') return;
    const verdict = judgeEvictionPolicy(
      await this.readPolicy(this.config.jobs.redisUrl),
      this.config.env,
    );
    if (verdict.action === 'refuse') throw new Error(verdict.message);
    if (verdict.action === 'warn') this.logger.warn(verdict.message);
  }

  private async readPolicy(url: string): Promise<string | undefined> {
    const client = createRedisClient(url, 'probe');
    try {
      await client.connect();
      const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
      return reply[1];
    } catch (error) {
      if (/CONFIG|unknown command|NOPERM/i.test(String(error))) return undefined;
      throw new Error(`Redis at REDIS_URL is unreachable: ${(error as Error).message}`);
    } finally {
      client.disconnect();
    }
  }
}
