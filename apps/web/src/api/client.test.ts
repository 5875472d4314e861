import { afterEach, describe, expect, it } from 'vitest';
import { answerWith, noSession } from '../test-setup';
import { accessToken } from './access-token';
import { api } from './client';
import { onSessionEnded } from './session-refresh';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const ME = { id: 'me', displayName: 'Ana' };
const expired = () => json({ status: 401, code: 'UNAUTHENTICATED', title: 'No autenticado' }, 401);

describe('A 401 from the API', () => {
  let stopListening: (() => void) | undefined;
  afterEach(() => stopListening?.());

  it('gets one refresh shared by every call that met it, and each call is sent once more', async () => {
    let refreshes = 0;
    const seen: string[] = [];
    answerWith(
      async (request) => {
        const path = new URL(request.url).pathname;
        if (path === '/api/v1/auth/refresh') {
          refreshes += 1;
          // Slow enough that every 401 arrives while it is under way.
          await new Promise((resolve) => setTimeout(resolve, 20));
          return json({
            accessToken: 'fresh',
            refreshToken: 'r',
            tokenType: 'Bearer',
            expiresIn: 900,
          });
        }
        seen.push(request.headers.get('Authorization') ?? '');
        return request.headers.get('Authorization') === 'Bearer fresh' ? json(ME) : expired();
      },
      { answersRefresh: true },
    );
    accessToken.set('stale', 900);

    const answers = await Promise.all([
      api.GET('/api/v1/me'),
      api.GET('/api/v1/me'),
      api.GET('/api/v1/me'),
    ]);

    expect(answers.map((answer) => answer.data)).toEqual([ME, ME, ME]);
    expect(refreshes).toBe(1);
    expect(seen.filter((header) => header === 'Bearer stale')).toHaveLength(3);
    expect(seen.filter((header) => header === 'Bearer fresh')).toHaveLength(3);
    expect(accessToken.get()).toBe('fresh');
  });

  it('ends the session only when the refresh itself is refused', async () => {
    let ended = 0;
    stopListening = onSessionEnded(() => (ended += 1));
    answerWith(
      (request) =>
        new URL(request.url).pathname === '/api/v1/auth/refresh' ? noSession() : expired(),
      { answersRefresh: true },
    );
    accessToken.set('stale', 900);

    const { error, response } = await api.GET('/api/v1/me');

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ended).toBe(1);
    expect(accessToken.get()).toBeUndefined();
  });

  it('keeps the session when the refresh meets an outage', async () => {
    let ended = 0;
    stopListening = onSessionEnded(() => (ended += 1));
    answerWith(
      (request) =>
        new URL(request.url).pathname === '/api/v1/auth/refresh'
          ? new Response(null, { status: 503, headers: { 'Retry-After': '30' } })
          : expired(),
      { answersRefresh: true },
    );
    accessToken.set('stale', 900);

    const { response } = await api.GET('/api/v1/me');

    expect(response.status).toBe(503);
    expect(ended).toBe(0);
    expect(accessToken.get()).toBe('stale');
  });
});
