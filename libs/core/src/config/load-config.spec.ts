import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError } from './configuration-error';
import { envVarDocs } from './env-var.decorator';
import { EnvironmentVariables } from './environment-variables';
import { loadConfig } from './load-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.database).toEqual({ mode: 'embedded', dataDir: './data' });
    expect(config.jobs.mode).toBe('in-process');
    expect(config.http.port).toBe(3000);
  });

  it('uses the servers it is given', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://amparo@db:5432/amparo',
      REDIS_URL: 'redis://cache:6379',
      HTTP_PORT: '8080',
      HTTP_CORS_ORIGINS: 'https://a.example,https://b.example',
      HTTP_TRUST_PROXY: 'true',
    });
    expect(config.database).toEqual({
      mode: 'external',
      url: 'postgres://amparo@db:5432/amparo',
      poolSize: 10,
    });
    expect(config.jobs).toMatchObject({
      mode: 'redis',
      redisUrl: 'redis://cache:6379',
      prefix: 'amparo',
    });
    expect(config.http).toMatchObject({
      port: 8080,
      corsOrigins: ['https://a.example', 'https://b.example'],
      trustProxy: true,
    });
  });

  it('names a malformed variable and what it expects, in one line', () => {
    const problems = problemsOf({ HTTP_PORT: 'eighty' });
    expect(problems).toEqual([
      'HTTP_PORT is invalid: expected an integer port between 1 and 65535',
    ]);
  });

  it('never echoes the value of a secret it refuses', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@db/amparo' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL is invalid: expected a postgres:\/\//);
    expect(problems[0]).not.toContain('hunter2');
  });

  it('reports every bad variable, one line each', () => {
    expect(
      problemsOf({ NODE_ENV: 'staging', LOG_LEVEL: 'loud', HTTP_TRUST_PROXY: 'maybe' }),
    ).toHaveLength(3);
  });

  it('refuses production without servers or secrets from the environment', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toEqual([
      expect.stringMatching(/^DATABASE_URL is required when NODE_ENV=production/),
      expect.stringMatching(/^REDIS_URL is required when NODE_ENV=production/),
      'AUTH_JWT_PRIVATE_KEY is required when NODE_ENV=production',
      'AUTH_JWT_PUBLIC_KEY is required when NODE_ENV=production',
      'AUTH_MFA_ENCRYPTION_KEY is required when NODE_ENV=production',
      'AUDIT_SIGNING_KEY is required when NODE_ENV=production',
      'AUDIT_CHECKPOINT_DIR is required when NODE_ENV=production',
    ]);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
    for (const name of envVarDocs(EnvironmentVariables.prototype).keys()) {
      expect(example).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    }
  });
});
