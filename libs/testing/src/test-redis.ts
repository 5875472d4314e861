import Redis from 'ioredis';
import { TEST_REDIS_URL, uniqueName } from './test-services';

/** A queue prefix of this test file's own, so files never see each other's jobs. */
export function uniqueQueuePrefix(): string {
  return uniqueName('amparo-test').replace(/_/g, '-');
}

/** Deletes the keys of one queue prefix (on the shared test Redis unless told another). */
export async function deleteQueueKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
