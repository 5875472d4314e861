import { ConnectionOptions } from 'bullmq';
import Redis, { RedisOptions } from 'ioredis';

export type RedisRole = 'producer' | 'worker' | 'probe' | 'health';

const ROLE_OPTIONS = {
  // Producers fail fast: a Redis outage is an error the caller sees, not a request that hangs.
  producer: { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 },
  // BullMQ workers block on Redis and must retry forever; at most 2 s apart, so that work resumes
  // soon after an outage (ioredis's default backoff grows to 20 s).
  worker: {
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  },
  // Health checks reconnect in the background and answer each ping within their own timeout.
  health: { maxRetriesPerRequest: 1, connectTimeout: 2000 },
  probe: {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: true,
    retryStrategy: () => null,
  },
} satisfies Record<RedisRole, RedisOptions>;

/** BullMQ connection for REDIS_URL, tuned for one role. */
export function bullConnection(url: string, role: 'producer' | 'worker'): ConnectionOptions {
  return { url, ...ROLE_OPTIONS[role] };
}

export function createRedisClient(url: string, role: RedisRole): Redis {
  return new Redis(url, ROLE_OPTIONS[role]);
}
