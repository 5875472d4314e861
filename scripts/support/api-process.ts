// The built API in a process of its own, as a deployment runs it, for the scripts that drive it
// from outside (bench:web, bench:cases, docs:screenshots).
import { TEST_REDIS_URL } from '@amparo/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { builds } from '../builds';

const ROOT = join(__dirname, '../..');
/** Where `npm run build:web` writes the app the API serves. */
export const WEB_BUILD = join(ROOT, 'dist/web');

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Starts the built API with `env` on top of this process's and waits until it is ready. */
export async function startApi(env: Record<string, string>, base: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [builds.api.output], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/health/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error('the API was not ready within 60 s');
}

/**
 * The built API on a free loopback port, on `databaseUrl` and the test Redis under its own queue
 * prefix, with `env` (run mode, log level, secrets...) on top; its base URL, without /api/v1.
 */
export async function startApiOn(
  databaseUrl: string,
  queuePrefix: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = await startApi(
    {
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      JOBS_PREFIX: queuePrefix,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      ...env,
    },
    base,
  );
  return { child, base };
}

/** What production requires and an operator provides: signing and encryption keys of this run. */
export function productionSecrets(keyDir: string): Record<string, string> {
  const jwt = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const audit = generateKeyPairSync('ed25519');
  return {
    NODE_ENV: 'production',
    AUTH_JWT_PRIVATE_KEY: jwt.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    AUTH_JWT_PUBLIC_KEY: jwt.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    AUTH_MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    AUDIT_SIGNING_KEY: audit.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    AUDIT_CHECKPOINT_DIR: join(keyDir, 'checkpoints'),
    EXPORTS_DIR: join(keyDir, 'exports'),
  };
}

/** Stops the API (SIGTERM: it finishes what it serves) and waits for it to exit. */
export async function stopApi(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** POST with a JSON body (and a bearer token), answering the JSON body; throws on a refusal. */
export async function postJson(
  base: string,
  path: string,
  body: object,
  options: { accessToken?: string; headers?: Record<string, string> } = {},
): Promise<{ body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.accessToken ? { authorization: `Bearer ${options.accessToken}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return { body: answer, headers: res.headers };
}
