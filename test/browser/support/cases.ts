import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { signIn } from '../../utils/identity';
import { WebApp } from './web-app';

type Body = Record<string, unknown>;

const DAY = 86_400_000;

/** The UTC calendar date `days` from now: the work queue's `today` is a UTC date. */
export const utcDay = (days = 0) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** A case as the API returns it on registration: what the screens are then checked against. */
export interface RegisteredCase {
  id: string;
  reference: string;
}

/**
 * One user's calls to the API (a token from signing in through it), to set up the cases a screen
 * is about; the user still signs in through the screens afterwards with `mfaSecret`.
 */
export async function apiAs(web: WebApp, email: string) {
  const session = await signIn(web.api, email);
  const http = () => request(web.api.getHttpServer());
  const auth = `Bearer ${session.accessToken}`;

  const expectStatus = (res: request.Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };

  return {
    mfaSecret: session.mfaSecret,
    userId: session.userId,

    /** POST /cases at `consulateId` with a made-up person; `overrides` replace the defaults. */
    async registerCase(consulateId: string, overrides: Body = {}): Promise<RegisteredCase> {
      const res = await http()
        .post('/api/v1/cases')
        .set('Authorization', auth)
        .send({
          consulateId,
          primaryCategory: 'criminal_detention',
          openedAt: new Date(Date.now() - 10 * DAY).toISOString(),
          summary: 'Held at county jail.',
          persons: [
            {
              role: 'primary',
              person: {
                givenNames: 'Luis',
                familyNames: `Ramos ${randomUUID().slice(0, 6)}`,
                sex: 'male',
                nationalityCode: 'MX',
              },
            },
          ],
          ...overrides,
        });
      expectStatus(res, 201, 'registering a case');
      return { id: res.body.id as string, reference: res.body.reference as string };
    },

    /** Status transitions in order (POST /cases/{id}/transitions with the case's ETag). */
    async transition(caseId: string, ...steps: Body[]): Promise<void> {
      let etag = (await http().get(`/api/v1/cases/${caseId}`).set('Authorization', auth)).headers
        .etag;
      for (const step of steps) {
        const res = await http()
          .post(`/api/v1/cases/${caseId}/transitions`)
          .set('Authorization', auth)
          .set('If-Match', etag)
          .send(step);
        expectStatus(res, 200, `moving the case to ${String(step.to)}`);
        etag = res.headers.etag;
      }
    },

    /** Break-the-glass: an emergency access to a restricted case, with its reason. */
    async breakTheGlass(caseId: string, reason: string): Promise<string> {
      const res = await http()
        .post(`/api/v1/cases/${caseId}/access-requests`)
        .set('Authorization', auth)
        .send({ reason });
      expectStatus(res, 201, 'breaking the glass');
      return res.body.id as string;
    },
  };
}
