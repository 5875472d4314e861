import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { accessToken } from './api/access-token';
import { availability } from './api/availability';

/** What a test's fake API answers: the request in, a response out. */
export type FakeApi = (request: Request) => Response | Promise<Response>;

/** A browser without a refresh cookie: the API refuses the refresh, as it does. */
export const noSession = () =>
  new Response(
    JSON.stringify({ status: 401, code: 'INVALID_REFRESH_TOKEN', title: 'Sesión no válida' }),
    { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
  );

const isRefresh = (request: Request) => new URL(request.url).pathname === '/api/v1/auth/refresh';

const unavailable: FakeApi = () => new Response(null, { status: 503 });

let fakeApi: FakeApi = unavailable;

/**
 * The app's requests go to the test's fake API (openapi-fetch keeps the fetch it starts with).
 * Unless a test answers refreshes itself (`answersRefresh`), the page loads without a session.
 */
export function answerWith(api: FakeApi, options: { answersRefresh?: boolean } = {}): void {
  fakeApi = options.answersRefresh
    ? api
    : (request) => (isRefresh(request) ? noSession() : api(request));
}

globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  Promise.resolve(fakeApi(input instanceof Request ? input : new Request(input, init)));

answerWith(unavailable);

afterEach(() => {
  cleanup();
  localStorage.clear();
  accessToken.clear();
  availability.observe(new Response(null, { status: 204 }));
  answerWith(unavailable);
});
