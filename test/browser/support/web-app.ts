import { NestExpressApplication } from '@nestjs/platform-express';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TestStack, createTestApi, createTestStack } from '../../utils/test-app';

/** The build `npm run build:web` writes (the browser project's global setup keeps it current). */
const WEB_BUILD = join(__dirname, '../../../dist/web');

export interface WebApp {
  /** Where the browser goes: the API on a free port of 127.0.0.1, serving the built app at /. */
  url: string;
  stack: TestStack;
  api: NestExpressApplication;
  close(): Promise<void>;
}

/**
 * The real API with the test stack (a database and queue prefix of its own), serving the built SPA.
 * `routeDatabaseUrl` lets the API reach the database another way (through a test's TCP proxy).
 */
export async function startWebApp(
  options: { routeDatabaseUrl?: (url: string) => string } = {},
): Promise<WebApp> {
  const stack = await createTestStack({ HTTP_WEB_DIR: WEB_BUILD }, options);
  const api = await createTestApi(stack.config);
  await api.listen(0, '127.0.0.1');
  const { port } = api.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stack,
    api,
    close: async () => {
      await api.close();
      await stack.teardown();
    },
  };
}
