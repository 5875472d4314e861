// npm run bench:login: how close sign-in throughput over HTTP comes to the argon2id ceiling.
// Boots the real API on a fresh database of the local test server (loopback only), then drops it.
import 'reflect-metadata';
import { formatAuditReport } from '@amparo/audit/format-audit-report';
import { verifyAuditChain } from '@amparo/audit/verify-audit-chain';
import { loadConfig } from '@amparo/core';
import { externalDataSourceOptions } from '@amparo/database';
import { ARGON2_PARAMS, hashPassword, verifyPassword } from '@amparo/identity';
import { createDatabase, databaseUrl, dropDatabase, uniqueName } from '@amparo/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/create-api-app';

const USERS = 20;
const CONCURRENCY = 4;
const ARGON2_SECONDS = 5;
const WARMUP_SECONDS = 2;
const LOGIN_SECONDS = 10;
const MAX_OPERATIONS = 20000;

interface Run {
  count: number;
  seconds: number;
  latenciesMs: number[];
}

/** Runs `operation` on `CONCURRENCY` lanes until the time or the count is used up. */
async function measure(seconds: number, operation: (i: number) => Promise<void>): Promise<Run> {
  const latenciesMs: number[] = [];
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let next = 0;
  const lane = async () => {
    while (performance.now() < deadline && next < MAX_OPERATIONS) {
      const i = next++;
      const began = performance.now();
      await operation(i);
      latenciesMs.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return { count: latenciesMs.length, seconds: (performance.now() - start) / 1000, latenciesMs };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function seedOfficers(url: string): Promise<{ email: string; password: string }[]> {
  const dataSource = new DataSource({ ...externalDataSourceOptions(url, 2), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const [{ id: consulateId }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO consulates (sending_country_code, post_code, name, host_country_code, city)
       VALUES ('MX', 'BENCH', 'Consulate BENCH', 'US', 'Los Angeles') RETURNING id`,
    );
    const officers = Array.from({ length: USERS }, (_, i) => ({
      email: `bench-officer-${i}@amparo.test`,
      password: `bench horse battery staple ${i}`,
    }));
    for (const officer of officers) {
      const [{ id }] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO users (email, display_name, country_code, password_hash)
         VALUES ($1, 'Bench Officer', 'MX', $2) RETURNING id`,
        [officer.email, await hashPassword(officer.password)],
      );
      await dataSource.query(
        `INSERT INTO role_grants (user_id, role, consulate_id, country_code) VALUES ($1, 'officer', $2, 'MX')`,
        [id, consulateId],
      );
    }
    return officers;
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<number> {
  const name = uniqueName('amparo_test'); // a crashed run's database is dropped by the next e2e setup
  let app: NestExpressApplication | undefined;
  let created = false;
  const cleanUp = async () => {
    const [open, drop] = [app, created];
    [app, created] = [undefined, false];
    await open?.close();
    if (drop) await dropDatabase(name);
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    await createDatabase(name);
    created = true;
    const url = databaseUrl(name);
    const officers = await seedOfficers(url);

    // Bare argon2id: verifying a stored hash, as a sign-in does.
    const stored = await Promise.all(officers.map((o) => hashPassword(o.password)));
    const argon2 = await measure(ARGON2_SECONDS, async (i) => {
      const k = i % officers.length;
      if (!(await verifyPassword(stored[k], officers[k].password)))
        throw new Error('argon2 verify failed');
    });

    app = await createApiApp(
      loadConfig({
        NODE_ENV: 'development',
        LOG_LEVEL: 'silent',
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: '10',
      }),
    );
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const loginUrl = `http://127.0.0.1:${port}/api/v1/auth/login`;
    const login = async (i: number) => {
      const response = await fetch(loginUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(officers[i % officers.length]),
      });
      const body = (await response.json()) as { accessToken?: string };
      if (response.status !== 200 || !body.accessToken)
        throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
    };
    await measure(WARMUP_SECONDS, login);
    const logins = await measure(LOGIN_SECONDS, login);

    // Concurrent sign-ins all extend the audit chain: it must come out whole.
    const audit = formatAuditReport(await verifyAuditChain(app.get(DataSource)));
    const argon2Rate = argon2.count / argon2.seconds;
    const loginRate = logins.count / logins.seconds;
    const { memoryCost, timeCost, parallelism } = ARGON2_PARAMS;
    console.log(
      [
        `bench:login: ${USERS} officers, concurrency ${CONCURRENCY}, argon2id m=${memoryCost} t=${timeCost} p=${parallelism}`,
        `argon2id verifications: ${argon2Rate.toFixed(1)}/s (${argon2.count} in ${argon2.seconds.toFixed(1)} s)`,
        `logins over HTTP:       ${loginRate.toFixed(1)}/s (${logins.count} in ${logins.seconds.toFixed(1)} s)`,
        `login latency:          p50 ${percentile(logins.latenciesMs, 50).toFixed(1)} ms, p95 ${percentile(logins.latenciesMs, 95).toFixed(1)} ms`,
        `ratio logins/argon2id:  ${(loginRate / argon2Rate).toFixed(2)}`,
        ...audit.lines,
      ].join('\n'),
    );
    return audit.intact ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:login failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
