// The built API in a process of its own, as a deployment runs it, for the scripts that drive the
// web application in Chromium (bench:web, docs:screenshots).
import { ChildProcess, spawn } from 'node:child_process';
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
