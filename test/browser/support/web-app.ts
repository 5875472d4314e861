import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtemp, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestStack, createTestApi, createTestStack, createTestWorker } from '../../utils/test-app';

/** The build `npm run build:web` writes (the browser project's global setup keeps it current). */
const WEB_BUILD = join(__dirname, '../../../dist/web');

export interface WebApp {
  /** Where the browser goes: the API on a free port of 127.0.0.1, serving the built app at /. */
  url: string;
  stack: TestStack;
  api: NestExpressApplication;
  close(): Promise<void>;
}

export interface WebAppOptions {
  /**
   * Also run the worker (in-process, on the same queue prefix), for screens that wait on a job:
   * exports, written to a temporary folder removed at close.
   */
  worker?: boolean;
  /** Lets the API reach the database another way (through a test's TCP proxy). */
  routeDatabaseUrl?: (url: string) => string;
}

/** The real API with the test stack (a database and queue prefix of its own), serving the built SPA. */
export async function startWebApp(options: WebAppOptions = {}): Promise<WebApp> {
  const exportsDir = options.worker ? await mkdtemp(join(tmpdir(), 'amparo-web-exports-')) : '';
  const stack = await createTestStack(
    {
      HTTP_WEB_DIR: WEB_BUILD,
      ...(exportsDir ? { EXPORTS_DIR: exportsDir } : {}),
    },
    { routeDatabaseUrl: options.routeDatabaseUrl },
  );
  const api = await createTestApi(stack.config);
  let worker: INestApplicationContext | undefined;
  if (options.worker) {
    worker = await createTestWorker(stack.config);
    await worker.init();
  }
  await api.listen(0, '127.0.0.1');
  const { port } = api.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stack,
    api,
    close: async () => {
      await worker?.close();
      await api.close();
      await stack.teardown();
      if (exportsDir) await rm(exportsDir, { recursive: true, force: true });
    },
  };
}
