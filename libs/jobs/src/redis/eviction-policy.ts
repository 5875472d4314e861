import { RunMode } from '@amparo/core';

export type EvictionVerdict = { action: 'accept' } | { action: 'warn' | 'refuse'; message: string };

/**
 * BullMQ keeps jobs in Redis: an evicting Redis silently drops queued work, so production refuses
 * any policy but noeviction. `undefined` means the policy could not be read (CONFIG disabled).
 */
export function judgeEvictionPolicy(policy: string | undefined, env: RunMode): EvictionVerdict {
  if (policy === 'noeviction') return { action: 'accept' };
  const message =
    policy === undefined
      ? "Could not read Redis' maxmemory-policy; it must be noeviction or queued jobs can be lost"
      : `Redis maxmemory-policy is ${policy}; it must be noeviction or queued jobs can be lost`;
  return { action: env === 'production' ? 'refuse' : 'warn', message };
}
