import { NestExpressApplication } from '@nestjs/platform-express';
import { errorText } from '@amparo/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  summary?: string;
  security?: Json[];
  responses: Record<string, Json>;
}

const committed = JSON.parse(
  readFileSync(join(__dirname, '..', 'docs', 'openapi.json'), 'utf8'),
) as Json;

function operations(document: Json): [string, Operation][] {
  return Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(
    ([path, item]) =>
      Object.entries(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op]),
  ) as [string, Operation][];
}

// The web application's client is generated from this document: it must be the one the running
// API serves, and complete enough to generate from.
describe('OpenAPI document', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let served: Json;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    served = (await request(app.getHttpServer()).get('/api/openapi.json').expect(200)).body as Json;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('is the committed docs/openapi.json (npm run openapi:write after changing the API)', () => {
    expect(served).toEqual(committed);
  });

  it('is OpenAPI 3.1 and its UI is served at /api/docs', async () => {
    expect(served.openapi).toBe('3.1.0');
    const ui = await request(app.getHttpServer()).get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('gives every operation an id, a summary, its security and a success body with a schema', () => {
    const incomplete = operations(served).flatMap(([route, op]) => {
      const problems: string[] = [];
      if (!op.operationId) problems.push('operationId');
      if (!op.summary) problems.push('summary');
      if (!Array.isArray(op.security)) problems.push('security');
      const success = Object.entries(op.responses).filter(([status]) => /^2/.test(status));
      if (!success.length) problems.push('success response');
      for (const [status, response] of success) {
        const content = response.content as Record<string, Json> | undefined;
        if (status !== '204' && !(content && Object.values(content).every((c) => c.schema)))
          problems.push(`${status} schema`);
      }
      return problems.map((p) => `${route}: ${p}`);
    });
    expect(incomplete).toEqual([]);
  });

  it('marks public routes as needing no token and the others as needing the bearer token', () => {
    const security = Object.fromEntries(operations(served).map(([r, op]) => [r, op.security]));
    expect(security['POST /api/v1/auth/login']).toEqual([]);
    expect(security['GET /health/ready']).toEqual([]);
    expect(security['GET /api/v1/cases']).toEqual([{ bearer: [] }]);
  });

  it('documents problem responses whose codes all exist in the error catalog', () => {
    const unknown: string[] = [];
    for (const [route, op] of operations(served)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]/.test(status) || '$ref' in response) continue;
        const schema = (response.content as Json)['application/problem+json'] as Json;
        const [problem, codes] = (schema.schema as { allOf: Json[] }).allOf;
        expect(problem).toEqual({ $ref: '#/components/schemas/Problem' });
        for (const code of (codes as { properties: { code: { enum: string[] } } }).properties.code
          .enum) {
          if (!errorText(code)) unknown.push(`${route} ${status}: ${code}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it('lists what a case route may refuse, derived from the route and declared by it', () => {
    const transition = (served.paths as Record<string, Record<string, Operation>>)[
      '/api/v1/cases/{id}/transitions'
    ].post;
    const codes = (status: string) =>
      (
        (transition.responses[status].content as Json)['application/problem+json'] as {
          schema: { allOf: { properties: { code: { enum: string[] } } }[] };
        }
      ).schema.allOf[1].properties.code.enum;
    expect(codes('400')).toEqual([
      'BODY_FIELD_NAME_TOO_LONG',
      'BODY_LIST_TOO_LONG',
      'BODY_NOT_AN_OBJECT',
      'BODY_TOO_DEEP',
      'BODY_TOO_MANY_FIELDS',
      'BODY_TOO_MANY_VALUES',
      'MALFORMED_BODY',
      'MALFORMED_PATH',
      'VALIDATION_FAILED',
    ]);
    expect(codes('404')).toEqual(['CASE_NOT_FOUND']);
    expect(codes('409')).toEqual(['BEST_INTEREST_ASSESSMENT_REQUIRED', 'INVALID_TRANSITION']);
    expect(codes('412')).toEqual(['VERSION_CONFLICT']);
    expect(codes('428')).toEqual(['PRECONDITION_REQUIRED']);
    expect(transition.responses['200'].headers).toHaveProperty('ETag');
  });

  it('states the format of request fields, such as an ISO 639 code for an indigenous language', () => {
    const person = (served.components as { schemas: Record<string, Json> }).schemas
      .PersonRequest as { properties: Record<string, Json> };
    expect(person.properties.indigenousLanguage).toMatchObject({
      pattern: '^[a-z]{2,3}$',
      description: expect.stringContaining('ISO 639') as string,
    });
    expect(person.properties.sex).toMatchObject({
      enum: ['female', 'male', 'intersex', 'unknown'],
    });
    expect(person.properties.estimatedAge).toMatchObject({ minimum: 0, maximum: 130 });
  });
});
