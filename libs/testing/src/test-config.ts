import { AppConfig, loadConfig } from '@amparo/core';

/** The configuration an e2e test boots with: validated by the same schema as production's. */
export function testConfig(env: Record<string, string | undefined>): AppConfig {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ...env });
}
