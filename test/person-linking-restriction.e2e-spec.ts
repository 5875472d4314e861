import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

/**
 * A person of a restricted case stays protected when linked into another case: break-the-glass
 * (a read, for hours) never lets anyone link them, and a case that links them is restricted too,
 * so that the post does not read through the new case what the restricted one hides.
 */
describe('Linking a person of a restricted case', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  const tokens = {} as Record<'owner' | 'colleague' | 'consul', string>;
  let personId: string;

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    post = await createConsulate(stack, 'MX');
    for (const [who, role] of [
      ['owner', 'officer'],
      ['colleague', 'officer'],
      ['consul', 'consul'],
    ] as const) {
      const user = await createUser(stack, [{ role, consulateId: post }]);
      tokens[who] = (await signIn(app, user.email)).accessToken;
    }
    const asylum = await as('owner')
      .post('/api/v1/cases')
      .send({
        consulateId: post,
        primaryCategory: 'asylum',
        summary: 'Seeks international protection; fears persecution at home.',
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Itzel',
              familyNames: 'Noriega',
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 26,
            },
          },
        ],
      });
    expect(asylum.body.restricted).toBe(true);
    personId = asylum.body.persons[0].person.id;
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const as = (who: keyof typeof tokens) => {
    const agent = request(app.getHttpServer());
    const auth = (req: request.Test) => req.set('Authorization', `Bearer ${tokens[who]}`);
    return {
      get: (url: string) => auth(agent.get(url)),
      post: (url: string) => auth(agent.post(url)),
    };
  };
  const linking = () => ({
    consulateId: post,
    primaryCategory: 'documentation',
    summary: 'Needs an emergency travel document.',
    persons: [{ role: 'primary', personId }],
  });
  const cases = async () =>
    Number((await stack.query<{ n: string }>('SELECT count(*) AS n FROM cases'))[0].n);

  it('refuses a break-the-glass holder, who may read the person for hours, like an unknown person', async () => {
    const [{ id: caseId }] = await stack.query<{ id: string }>(
      'SELECT case_id AS id FROM case_persons WHERE person_id = $1',
      [personId],
    );
    const glass = await as('colleague')
      .post(`/api/v1/cases/${caseId}/access-requests`)
      .send({ reason: 'The family called the hotline asking for urgent news.' });
    expect(glass.status).toBe(201);
    expect((await as('colleague').get(`/api/v1/cases/${caseId}`)).status).toBe(200);
    const before = await cases();
    const res = await as('colleague').post('/api/v1/cases').send(linking());
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'persons.0.personId', code: 'UNKNOWN_PERSON' }),
    ]);
    expect(await cases()).toBe(before);
  });

  it('restricts the new case of someone who works the restricted one, so the rest of the post cannot read it', async () => {
    const res = await as('owner').post('/api/v1/cases').send(linking());
    expect(res.status).toBe(201);
    expect(res.body.restricted).toBe(true);
    const colleague = await as('colleague').get(`/api/v1/cases/${res.body.id}`);
    expect({ status: colleague.status, code: colleague.body.code }).toEqual({
      status: 403,
      code: 'CASE_RESTRICTED',
    });
    expect(JSON.stringify(colleague.body)).not.toContain('Itzel');
    expect((await as('consul').get(`/api/v1/cases/${res.body.id}`)).status).toBe(200);
  });
});
