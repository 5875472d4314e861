import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

const INDEX =
  '<!doctype html><html lang="es"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("amparo");';

/** A build laid out like `vite build`'s: index.html, hashed files under assets/, a favicon. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'amparo-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

function expectProblem(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code });
}

describe('The web application served by the API', () => {
  let stack: TestStack;
  let build: string;
  let app: NestExpressApplication;
  let unbuilt: NestExpressApplication;

  beforeAll(async () => {
    build = fakeBuild();
    stack = await createTestStack({ HTTP_WEB_DIR: build });
    app = await createTestApi(stack.config);
    const missing = { ...stack.config.http, webDir: join(build, 'no-such-folder') };
    unbuilt = await createTestApi({ ...stack.config, http: missing });
  });

  afterAll(async () => {
    await app?.close();
    await unbuilt?.close();
    await stack?.teardown();
    rmSync(build, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());

  it('answers / with index.html, revalidated on every visit', async () => {
    const res = await http().get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.pragma).toBeUndefined();
    expect(res.text).toBe(INDEX);
  });

  it('answers a deep link with index.html, so the app routes it', async () => {
    for (const path of ['/cases/123', '/cases/123/actions?tab=history', '/admin/users']) {
      const res = await http().get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe(INDEX);
    }
  });

  it('serves hashed assets with a one-year immutable cache', async () => {
    const res = await http().get('/assets/index-Ab12Cd34.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe(SCRIPT);
  });

  it('serves unhashed files of the build, revalidated', async () => {
    const res = await http().get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with a 404, never the page', async () => {
    for (const path of ['/assets/index-Gone0000.js', '/assets/', '/assets/%2e%2e/index.html']) {
      const res = await http().get(path);
      expectProblem(res, 404, 'ROUTE_NOT_FOUND');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('leaves the API and the probes alone: an unknown API path stays a 404 problem', async () => {
    expectProblem(await http().get('/api/v1/no-such-thing'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await http().get('/api/nothing'), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await http().get('/health/nothing'), 404, 'ROUTE_NOT_FOUND');
    const live = await http().get('/health/live');
    expect(live.status).toBe(200);
    expect(live.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers only GET and HEAD: other methods on app paths stay the API 404', async () => {
    expectProblem(await http().post('/cases/123').send({}), 404, 'ROUTE_NOT_FOUND');
    const head = await http().head('/cases/123');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
  });

  it('sends a Content-Security-Policy that allows only its own scripts', async () => {
    const csp = (await http().get('/cases/123')).headers['content-security-policy'];
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      csp.split(';').map((d: string) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    // MUI (emotion) injects <style> elements at run time.
    expect(directives['style-src']).toContain("'unsafe-inline'");
  });

  it('still starts without a build, and says so on the app paths', async () => {
    const res = await request(unbuilt.getHttpServer()).get('/').set('Accept-Language', 'en');
    expectProblem(res, 404, 'WEB_APP_NOT_BUILT');
    expect(res.body.detail).toContain('npm run build:web');
    const deepLink = await request(unbuilt.getHttpServer()).get('/cases/123');
    expectProblem(deepLink, 404, 'WEB_APP_NOT_BUILT');
    const asset = await request(unbuilt.getHttpServer()).get('/assets/index-Ab12Cd34.js');
    expectProblem(asset, 404, 'ROUTE_NOT_FOUND');
    const live = await request(unbuilt.getHttpServer()).get('/health/live');
    expect(live.status).toBe(200);
  });
});
