/**
 * The session's access token, in memory only: never in localStorage, where any injected script
 * could read it. A reload loses it; the refresh token in the httpOnly cookie gets a new one.
 */
let current: { token: string; expiresAt: number } | undefined;

export const accessToken = {
  get: (): string | undefined => current?.token,
  /** When the token stops working, in ms since the epoch. */
  expiresAt: (): number | undefined => current?.expiresAt,
  set: (token: string, expiresInSeconds: number): void => {
    current = { token, expiresAt: Date.now() + expiresInSeconds * 1000 };
  },
  clear: (): void => {
    current = undefined;
  },
};
