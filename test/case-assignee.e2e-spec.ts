import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { GrantSpec, createConsulate, createUser, signIn } from './utils/identity';
import { TestStack, createTestApi, createTestStack } from './utils/test-app';

interface Candidate {
  name: string;
  /** The candidate's grants, given the case's post and two others; none for an unknown id. */
  grants?: (posts: { post: string; otherPost: string; foreignPost: string }) => GrantSpec[];
  disabled?: boolean;
  assignable: boolean;
}

const CANDIDATES: Candidate[] = [
  {
    name: 'an officer of the post',
    grants: (p) => [{ role: 'officer', consulateId: p.post }],
    assignable: true,
  },
  {
    name: 'a consul of the post',
    grants: (p) => [{ role: 'consul', consulateId: p.post }],
    assignable: true,
  },
  {
    name: 'an officer of another post of the country',
    grants: (p) => [{ role: 'officer', consulateId: p.otherPost }],
    assignable: false,
  },
  {
    name: 'an officer of another country',
    grants: (p) => [{ role: 'officer', consulateId: p.foreignPost }],
    assignable: false,
  },
  {
    name: 'a disabled officer of the post',
    grants: (p) => [{ role: 'officer', consulateId: p.post }],
    disabled: true,
    assignable: false,
  },
  {
    name: 'a supervisor of the country',
    grants: () => [{ role: 'supervisor', countryCode: 'MX' }],
    assignable: false,
  },
  {
    name: 'an analyst of the country',
    grants: () => [{ role: 'analyst', countryCode: 'MX' }],
    assignable: false,
  },
  { name: 'an unknown id', assignable: false },
];

// One rule decides who may be a case's assignee, named at registration or by assignment: an active
// user holding an officer or consul grant at the case's post.
describe('Who may be assigned a case', () => {
  let stack: TestStack;
  let app: NestExpressApplication;
  let post: string;
  let consul: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await createTestStack();
    app = await createTestApi(stack.config);
    const posts = {
      post: await createConsulate(stack, 'MX'),
      otherPost: await createConsulate(stack, 'MX'),
      foreignPost: await createConsulate(stack, 'GT'),
    };
    post = posts.post;
    const consulUser = await createUser(stack, [{ role: 'consul', consulateId: post }]);
    consul = (await signIn(app, consulUser.email)).accessToken;
    for (const candidate of CANDIDATES) {
      ids[candidate.name] = candidate.grants
        ? (await createUser(stack, candidate.grants(posts))).id
        : randomUUID();
      if (candidate.disabled)
        await stack.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [
          ids[candidate.name],
        ]);
    }
  });

  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  const api = () => request(app.getHttpServer());
  const register = (assignedOfficerId?: string) =>
    api()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${consul}`)
      .send({
        consulateId: post,
        primaryCategory: 'documentation',
        ...(assignedOfficerId ? { assignedOfficerId } : {}),
        persons: [
          {
            role: 'primary',
            person: {
              givenNames: 'Ana',
              familyNames: 'Prueba',
              sex: 'female',
              nationalityCode: 'MX',
              estimatedAge: 30,
            },
          },
        ],
      });
  const caseCount = async () =>
    Number((await stack.query<{ n: string }>('SELECT count(*) AS n FROM cases'))[0].n);

  it.each(CANDIDATES.map((c) => [c.name, c] as const))(
    'gives the same answer for %s at registration and by assignment',
    async (name, { assignable }) => {
      const id = ids[name];
      const existing = await register();
      expect(existing.status).toBe(201);
      const before = await caseCount();
      const registered = await register(id);
      const assigned = await api()
        .post(`/api/v1/cases/${existing.body.id}/assignment`)
        .set('Authorization', `Bearer ${consul}`)
        .set('If-Match', existing.headers.etag)
        .send({ officerId: id });
      if (assignable) {
        expect([registered.status, assigned.status]).toEqual([201, 200]);
        expect([registered.body.assignedOfficerId, assigned.body.assignedOfficerId]).toEqual([
          id,
          id,
        ]);
        return;
      }
      expect([registered.status, assigned.status]).toEqual([422, 422]);
      expect([registered.body.code, assigned.body.code]).toEqual([
        'OFFICER_NOT_AT_POST',
        'OFFICER_NOT_AT_POST',
      ]);
      expect(await caseCount()).toBe(before);
    },
  );
});
