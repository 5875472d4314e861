import { judgeEvictionPolicy } from './eviction-policy';

describe('judgeEvictionPolicy', () => {
  it('accepts noeviction in every mode', () => {
    expect(judgeEvictionPolicy('noeviction', 'production')).toEqual({ action: 'accept' });
    expect(judgeEvictionPolicy('noeviction', 'development')).toEqual({ action: 'accept' });
  });

  it('refuses an evicting policy in production and names it', () => {
    const verdict = judgeEvictionPolicy('allkeys-lru', 'production');
    expect(verdict.action).toBe('refuse');
    expect(verdict).toHaveProperty('message', expect.stringContaining('allkeys-lru'));
  });

  it('only warns about an evicting policy outside production', () => {
    expect(judgeEvictionPolicy('volatile-lru', 'development').action).toBe('warn');
    expect(judgeEvictionPolicy('volatile-lru', 'test').action).toBe('warn');
  });

  it('refuses in production when the policy cannot be read', () => {
    expect(judgeEvictionPolicy(undefined, 'production').action).toBe('refuse');
  });
});
