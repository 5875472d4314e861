import { accessToken } from './access-token';
import { availability } from './availability';

export type RefreshOutcome =
  | { kind: 'refreshed' }
  /** The session is over (the API refused the refresh token): sign out. */
  | { kind: 'ended' }
  /** No verdict (503 or no answer): keep the session and the user's work, try again later. */
  | { kind: 'unavailable'; response?: Response };

let inFlight: Promise<RefreshOutcome> | undefined;
const endedListeners = new Set<() => void>();

/** Called when a refresh finds the session over, so the app can show the sign-in page. */
export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

/**
 * Gets a new access token with the refresh cookie. Callers at the same time share one request:
 * each refresh token works once, and a second use of it is taken for theft and ends the session.
 * Other tabs share the cookie, so a Web Lock makes their refreshes take turns as well.
 */
export function refreshSession(): Promise<RefreshOutcome> {
  inFlight ??= withTabLock(refreshOnce).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

async function withTabLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  return locks.request('amparo.refresh', work);
}

async function refreshOnce(): Promise<RefreshOutcome> {
  let response: Response;
  try {
    // The token travels in the httpOnly cookie; a JSON body is what lets the API read it.
    response = await fetch(`${window.location.origin}/api/v1/auth/refresh`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Accept-Language': document.documentElement.lang || 'es',
      },
      body: '{}',
      credentials: 'same-origin',
    });
  } catch {
    availability.unreachable();
    return { kind: 'unavailable' };
  }
  availability.observe(response);
  if (response.ok) {
    const tokens = (await response.json()) as { accessToken: string; expiresIn: number };
    accessToken.set(tokens.accessToken, tokens.expiresIn);
    return { kind: 'refreshed' };
  }
  if (response.status === 401 || response.status === 400) {
    accessToken.clear();
    endedListeners.forEach((listener) => listener());
    return { kind: 'ended' };
  }
  return { kind: 'unavailable', response };
}
