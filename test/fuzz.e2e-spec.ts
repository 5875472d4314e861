import { NestExpressApplication } from '@nestjs/platform-express';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { FixtureNetwork, seedFixtureNetwork } from './fuzz/fixture-network';
import { send } from './fuzz/fuzz-runner';
import { operationsOf, readDocument } from './fuzz/openapi-document';
import { REGRESSIONS } from './fuzz/regressions';
import { ResponseChecks } from './fuzz/response-checks';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

describe('Fuzzing from the OpenAPI document', () => {
  const document = readDocument();
  let stack: TestStack;
  let app: NestExpressApplication;
  let server: Server;
  let network: FixtureNetwork;
  const port = () => (server.address() as AddressInfo).port;

  beforeAll(async () => {
    // A quota the fuzzer's own export requests do not exhaust in the first minute.
    stack = await createTestStack({ EXPORTS_DAILY_QUOTA: '1000' });
    app = await createTestApi(stack.config);
    server = createServer(app.getHttpAdapter().getInstance());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    network = await seedFixtureNetwork(stack, app);
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
    await stack?.teardown();
  });

  it.each(REGRESSIONS.map((r) => [r.name, r] as const))(
    'replays a found failure: %s',
    async (_, r) => {
      const caller = network.callers.find((c) => c.name === r.caller)!;
      const path = r.path.replace(/\{([\w-]+)\}/g, (_m, pool: string) => network.ids.pick(pool, 0));
      const answer = await send(port(), {
        method: r.method,
        path,
        headers: {
          'accept-language': 'en',
          ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
          ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: r.body,
        mutation: r.name,
      });
      const body = JSON.parse(answer.text) as { code?: string; errors?: { field: string }[] };
      expect({ status: answer.status, code: body.code }).toEqual({
        status: r.status,
        code: r.code,
      });
      if (r.field) expect(body.errors?.map((e) => e.field)).toContain(r.field);
      const op = operationsOf(document).find((o) => o.id === r.operation)!;
      expect(new ResponseChecks(document).check(op, answer, r.body ?? '')).toEqual([]);
    },
  );
});
