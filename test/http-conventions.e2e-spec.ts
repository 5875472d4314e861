import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Public } from '@amparo/identity';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Server } from 'node:http';
import request from 'supertest';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

class EchoItem {
  @IsString()
  @MaxLength(5)
  label!: string;

  @IsOptional()
  @Matches(/^[a-z]{2,3}$/)
  language?: string;
}

class EchoRequest {
  @IsString()
  @MaxLength(5)
  name!: string;

  @IsOptional()
  @IsInt()
  count?: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => EchoItem)
  items?: EchoItem[];
}

/** The slow route tells the test when a request reached it, and answers when the test says so. */
const slowRoute = {
  arrived: () => undefined as void,
  release: () => undefined as void,
  released: Promise.resolve(),
};

@Controller('conventions-probe')
class ConventionsProbeController {
  @Post('echo')
  @HttpCode(200)
  @Public('test-only route')
  echo(@Body() body: EchoRequest) {
    return body;
  }

  @Get('search')
  @Public('test-only route')
  search(@Query('q') q: string) {
    return { q };
  }

  @Get('items/:id')
  @Public('test-only route')
  item(@Param('id') id: string) {
    return { id };
  }

  @Get('boom')
  @Public('test-only route')
  boom(): never {
    throw new Error('SELECT secret_column FROM persons WHERE id = 42');
  }

  @Get('slow')
  @Public('test-only route')
  async slow() {
    slowRoute.arrived();
    await slowRoute.released;
    return { finished: true };
  }

  @Get('undeclared')
  undeclared() {
    return { leaked: true };
  }
}

describe('HTTP conventions', () => {
  let stack: TestStack;
  let app: NestExpressApplication;

  beforeAll(async () => {
    stack = await createTestStack({
      HTTP_BODY_LIMIT: '2kb',
      HTTP_CORS_ORIGINS: 'https://allowed.example',
    });
    app = await createTestApi(stack.config, [ConventionsProbeController]);
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await stack?.teardown();
  });

  const http = () => request(app.getHttpServer());

  it('refuses an unknown field with a Spanish problem by default', async () => {
    const res = await http()
      .post('/api/v1/conventions-probe/echo')
      .send({ name: 'Ana', colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'urn:amparo:problem:validation-failed',
      title: 'Solicitud no válida',
      status: 400,
      detail: 'Uno o más campos no son válidos; vea la lista de errores.',
      instance: '/api/v1/conventions-probe/echo',
      code: 'VALIDATION_FAILED',
      requestId: res.headers['x-request-id'],
      errors: [
        { field: 'colour', code: 'UNKNOWN_FIELD', message: 'Este campo no está permitido.' },
      ],
    });
  });

  it('answers in English when Accept-Language prefers it', async () => {
    const res = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Accept-Language', 'en-GB,en;q=0.9,es;q=0.5')
      .send({ name: 'Ana', colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body.title).toBe('Invalid request');
    expect(res.body.errors).toEqual([
      { field: 'colour', code: 'UNKNOWN_FIELD', message: 'This field is not allowed.' },
    ]);
  });

  it('reports every invalid field with the constraint in the message', async () => {
    const res = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Accept-Language', 'en')
      .send({ name: 'far too long' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'name', code: 'TOO_LONG', message: 'Must be at most 5 characters long.' },
    ]);
    const typed = await http()
      .post('/api/v1/conventions-probe/echo')
      .send({ name: 'Ana', count: 'many' });
    expect(typed.status).toBe(400);
    expect(typed.body.errors.map((e: { code: string }) => e.code)).toContain('NOT_AN_INTEGER');
  });

  it('reports a missing required field once, as REQUIRED', async () => {
    const res = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Accept-Language', 'en')
      .send({});
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'name', code: 'REQUIRED', message: 'This field is required.' },
    ]);
  });

  it('reports one error per field, its first failing constraint, by nested path', async () => {
    const res = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Accept-Language', 'en')
      .send({ name: 'Ana', items: 'y', count: 'many' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'count', code: 'NOT_AN_INTEGER', message: 'Must be an integer.' },
      { field: 'items', code: 'NOT_A_LIST', message: 'Must be a list.' },
    ]);
    const nested = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Accept-Language', 'en')
      .send({ name: 'Ana', items: [{ label: 'ok' }, { label: null, language: 'Triqui' }] });
    expect(nested.body.errors).toEqual([
      { field: 'items.1.label', code: 'REQUIRED', message: 'This field is required.' },
      {
        field: 'items.1.language',
        code: 'BAD_FORMAT',
        message: 'Must be a lower-case ISO 639 language code such as `es` or `trs` (ISO 639-3).',
      },
    ]);
  });

  it('lists at most 50 field errors and says how many more there are', async () => {
    const unknown = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`extra${i}`, 1]));
    const res = await http()
      .post('/api/v1/conventions-probe/echo')
      .send({ name: 'Ana', ...unknown });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(50);
    expect(res.body.moreErrors).toBe(30);
  });

  it('refuses a body that is not a JSON object, or not JSON at all', async () => {
    for (const raw of ['[]', 'null', '"Ana"', '[{"name":"Ana"}]']) {
      const res = await http()
        .post('/api/v1/conventions-probe/echo')
        .set('Content-Type', 'application/json')
        .send(raw);
      expect({ raw, status: res.status, code: res.body.code }).toEqual({
        raw,
        status: 400,
        code: 'BODY_NOT_AN_OBJECT',
      });
    }
    const text = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Content-Type', 'text/plain')
      .send('name=Ana');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const latin1 = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{"name":"Ana"}');
    expect(latin1.status).toBe(415);
  });

  it('refuses NUL and lone surrogates in body, query and path, naming the field', async () => {
    const body = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Content-Type', 'application/json')
      .send('{"name":"A\\u0000","items":[{"label":"\\ud800"}]}');
    expect(body.status).toBe(400);
    expect(body.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual(
      [
        ['name', 'UNSAFE_CHARACTER'],
        ['items.0.label', 'UNSAFE_CHARACTER'],
      ],
    );
    const query = await http().get('/api/v1/conventions-probe/search?q=a%00b');
    expect(query.status).toBe(400);
    expect(query.body.errors).toEqual([expect.objectContaining({ field: 'q' })]);
    const path = await http().get('/api/v1/conventions-probe/items/a%00b');
    expect(path.status).toBe(400);
    expect(path.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  // (The query parser, qs, already drops such keys from query strings.)
  it('refuses a __proto__ or constructor key in the body as a field not allowed', async () => {
    const body = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Content-Type', 'application/json')
      .send(
        '{"name":"Ana","constructor":{"injected":true},"items":[{"__proto__":{"admin":true}}]}',
      );
    expect(body.status).toBe(400);
    expect(body.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual(
      [
        ['constructor', 'UNKNOWN_FIELD'],
        ['items.0.__proto__', 'UNKNOWN_FIELD'],
      ],
    );
  });

  it('refuses a body too deep or too wide before validating it', async () => {
    const deep = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Content-Type', 'application/json')
      .send(`{"name":${'['.repeat(400)}${']'.repeat(400)}}`);
    expect(deep.status).toBe(400);
    expect(deep.body.code).toBe('BODY_TOO_DEEP');
    const longName = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Content-Type', 'application/json')
      .send(`{"name":"Ana","${'x'.repeat(500)}":1}`);
    expect(longName.status).toBe(400);
    expect(longName.body.code).toBe('BODY_FIELD_NAME_TOO_LONG');
  });

  it('refuses malformed JSON with a problem', async () => {
    const res = await http()
      .post('/api/v1/conventions-probe/echo')
      .set('Content-Type', 'application/json')
      .send('{"delayMs": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_BODY');
  });

  it('refuses a body over the configured limit with 413', async () => {
    const res = await http()
      .post('/api/v1/conventions-probe/echo')
      .send({ name: 'x'.repeat(4096) });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await http().get('/api/v1/no-such-thing').set('Accept-Language', 'en');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      title: 'Resource not found',
      status: 404,
    });
  });

  it('hides unexpected errors behind a 500 with the request id, never the message or stack', async () => {
    const res = await http()
      .get('/api/v1/conventions-probe/boom')
      .set('X-Request-Id', 'trace-abc-123');
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: 'INTERNAL_ERROR', requestId: 'trace-abc-123' });
    expect(res.body.detail).toContain('trace-abc-123');
    expect(JSON.stringify(res.body)).not.toMatch(/SELECT|secret_column|at .*\.ts/);
  });

  it('refuses a route that declares no access rule', async () => {
    const res = await http().get('/api/v1/conventions-probe/undeclared');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(res.body).not.toHaveProperty('leaked');
  });

  it('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
    const kept = await http().get('/health/live').set('X-Request-Id', 'client-id-0001');
    expect(kept.headers['x-request-id']).toBe('client-id-0001');
    const replaced = await http().get('/health/live').set('X-Request-Id', 'bad id\twith spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and forbids caching of API answers', async () => {
    const res = await http().post('/api/v1/conventions-probe/echo').send({ name: 'Ana' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows CORS only for configured origins', async () => {
    const allowed = await http().get('/health/live').set('Origin', 'https://allowed.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://allowed.example');
    const other = await http().get('/health/live').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the OpenAPI document generated from the controllers, and its UI', async () => {
    const doc = await http().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/health/ready',
        '/api/v1/system/pings',
        '/api/v1/system/pings/{id}',
      ]),
    );
    const ui = await http().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('lets an in-flight request finish when the application closes', async () => {
    const server: Server = app.getHttpServer();
    const arrived = new Promise<void>((resolve) => (slowRoute.arrived = resolve));
    slowRoute.released = new Promise<void>((resolve) => (slowRoute.release = resolve));
    const pending = request(server)
      .get('/api/v1/conventions-probe/slow')
      .then((res) => res);
    await arrived;
    // The route answers only once the server has been told to close, so the answer is written
    // after close began: a close that dropped in-flight connections would lose it.
    const close = server.close.bind(server);
    jest.spyOn(server, 'close').mockImplementationOnce((callback) => {
      const result = close(callback);
      slowRoute.release();
      return result;
    });
    const closing = app.close();
    const res = await pending;
    await closing;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ finished: true });
  });
});
