/**
 * Whether the API answers: a 503 or a network failure marks it unavailable (with the Retry-After
 * it sent), any answer below 500 marks it available again. Never a reason to sign out: the screen
 * keeps the user's work and says the service is down.
 */
export interface Availability {
  available: boolean;
  /** Seconds the API asked to wait before trying again. */
  retryAfterSeconds: number;
}

const DEFAULT_RETRY_SECONDS = 15;
const MAX_RETRY_SECONDS = 300;

let state: Availability = { available: true, retryAfterSeconds: DEFAULT_RETRY_SECONDS };
const listeners = new Set<() => void>();

function set(next: Availability): void {
  if (next.available === state.available && next.retryAfterSeconds === state.retryAfterSeconds)
    return;
  state = next;
  listeners.forEach((listener) => listener());
}

/** Reads Retry-After in seconds (the API sends seconds; an HTTP date is honoured too). */
export function retryAfterOf(response: Response | undefined): number {
  const header = response?.headers.get('Retry-After');
  if (!header) return DEFAULT_RETRY_SECONDS;
  const seconds = /^\d+$/.test(header)
    ? Number(header)
    : Math.ceil((Date.parse(header) - Date.now()) / 1000);
  return Number.isFinite(seconds)
    ? Math.min(Math.max(seconds, 1), MAX_RETRY_SECONDS)
    : DEFAULT_RETRY_SECONDS;
}

export const availability = {
  get: (): Availability => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** After any answer of the API: a 503 is an outage, anything else below 500 is a working API. */
  observe(response: Response): void {
    if (response.status === 503)
      set({ available: false, retryAfterSeconds: retryAfterOf(response) });
    else if (response.status < 500) set({ ...state, available: true });
  },
  /** No answer at all (offline, DNS, a proxy that dropped the connection). */
  unreachable(): void {
    set({ available: false, retryAfterSeconds: DEFAULT_RETRY_SECONDS });
  },
};
