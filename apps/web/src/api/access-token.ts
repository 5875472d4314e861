/**
 * The session's access token, in memory only: never in localStorage, where any injected script
 * could read it. A reload signs the user out until the refresh token moves to an httpOnly cookie.
 */
let current: string | undefined;

export const accessToken = {
  get: (): string | undefined => current,
  set: (token: string): void => {
    current = token;
  },
  clear: (): void => {
    current = undefined;
  },
};
