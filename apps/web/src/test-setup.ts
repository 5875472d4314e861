import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/** What a test's fake API answers: the request in, a response out. */
export type FakeApi = (request: Request) => Response | Promise<Response>;

let fakeApi: FakeApi = () => new Response(null, { status: 503 });

/** The app's requests go to the test's fake API (openapi-fetch keeps the fetch it starts with). */
export function answerWith(api: FakeApi): void {
  fakeApi = api;
}

globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  Promise.resolve(fakeApi(input instanceof Request ? input : new Request(input, init)));

afterEach(() => {
  cleanup();
  localStorage.clear();
});
