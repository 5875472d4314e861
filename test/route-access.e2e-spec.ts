import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ACCESS_METADATA } from '@amparo/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

// Deny by default: every route of the real application declares who may call it.
describe('Route access declarations', () => {
  let stack: TestStack;
  let app: NestExpressApplication;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('finds an access declaration on every route handler', () => {
    const reflector = app.get(Reflector);
    const scanner = app.get(MetadataScanner);
    const routes: { route: string; declared: boolean }[] = [];
    for (const wrapper of app.get(DiscoveryService).getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const method of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[method] as () => unknown;
        const verb = Reflect.getMetadata('method', handler) as RequestMethod | undefined;
        if (verb === undefined) continue;
        const declared =
          reflector.getAllAndOverride(ACCESS_METADATA, [handler, controller]) !== undefined;
        routes.push({ route: `${RequestMethod[verb]} ${controller.name}.${method}`, declared });
      }
    }
    expect(routes.length).toBeGreaterThanOrEqual(4);
    expect(routes.filter((r) => !r.declared)).toEqual([]);
  });
});
