/** The `typ` claim keeps each kind of token to its own use: a challenge is never an access token. */
export type TokenType = 'access' | 'mfa_verify' | 'mfa_enrol';

export interface AccessClaims {
  typ: 'access';
  sub: string;
  /** Session (refresh token family): logout and reuse detection end it. */
  sid: string;
  /** The user's token version: disabling, grant and password changes bump it. */
  ver: number;
}

/**
 * The payload of a verified access token holds every claim the API relies on: its type, the user,
 * the session, the token version, and the validity window the verifier checked.
 */
export function isAccessTokenPayload(
  payload: unknown,
): payload is AccessClaims & { nbf: number; exp: number } {
  const claims = payload as Partial<AccessClaims> & { nbf?: unknown; exp?: unknown };
  return (
    typeof payload === 'object' &&
    payload !== null &&
    claims.typ === 'access' &&
    typeof claims.sub === 'string' &&
    typeof claims.sid === 'string' &&
    typeof claims.ver === 'number' &&
    typeof claims.nbf === 'number' &&
    typeof claims.exp === 'number'
  );
}

export interface ChallengeClaims {
  typ: 'mfa_verify' | 'mfa_enrol';
  sub: string;
  ver: number;
}

export const JWT_ALGORITHM = 'ES256';
export const CHALLENGE_TTL_SECONDS = 300;
