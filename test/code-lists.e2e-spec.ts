import { NestExpressApplication } from '@nestjs/platform-express';
import {
  ACTION_TYPES,
  CASE_CATEGORIES,
  CASE_STATUSES,
  CLOSURE_REASONS,
  DOCUMENT_TYPES,
  GENDERS,
  HOST_COUNTRY_ROLES,
  RISK_LEVELS,
  SEXES,
  VISIT_PLACE_TYPES,
  VULNERABILITY_FLAGS,
} from '@amparo/cases';
import request from 'supertest';
import { createConsulate, signedInUsers } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

describe('GET /api/v1/code-lists', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  const users = signedInUsers(() => ({ app, stack }));

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    const post = await createConsulate(stack, 'MX');
    await users.signInAs('officer', [{ role: 'officer', consulateId: post }]);
    await users.signInAs('analyst', [{ role: 'analyst', countryCode: 'MX' }]);
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const get = (token?: string) => {
    const req = request(app.getHttpServer()).get('/api/v1/code-lists');
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  it('gives every code the API accepts, once, in its declared order, with a label in both languages', async () => {
    const res = await get(users.tokens.officer).expect(200);
    const expected: Record<string, readonly string[]> = {
      caseCategories: CASE_CATEGORIES,
      vulnerabilityFlags: VULNERABILITY_FLAGS,
      caseStatuses: CASE_STATUSES,
      riskLevels: RISK_LEVELS,
      closureReasons: CLOSURE_REASONS,
      actionTypes: ACTION_TYPES,
      placeTypes: VISIT_PLACE_TYPES,
      sexes: SEXES,
      documentTypes: DOCUMENT_TYPES,
      genders: GENDERS,
      hostCountryRoles: HOST_COUNTRY_ROLES,
    };
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(expected).sort());
    for (const [list, codes] of Object.entries(expected)) {
      const items = res.body[list] as { code: string; label: { es: string; en: string } }[];
      expect(items.map((item) => item.code)).toEqual([...codes]);
      for (const item of items) {
        expect(item.label.es.trim()).not.toBe('');
        expect(item.label.en.trim()).not.toBe('');
      }
    }
    expect(res.body.caseCategories[0]).toEqual({
      code: 'unaccompanied_child',
      label: { es: 'Niñas, niños y adolescentes no acompañados', en: 'Unaccompanied children' },
    });
    expect(res.headers['cache-control']).toBe('private, max-age=3600');
  });

  it('answers any signed-in role, and nobody signed out', async () => {
    await get(users.tokens.analyst).expect(200);
    const res = await get().expect(401);
    expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
