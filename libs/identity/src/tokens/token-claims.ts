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

export interface ChallengeClaims {
  typ: 'mfa_verify' | 'mfa_enrol';
  sub: string;
  ver: number;
}

export const JWT_ALGORITHM = 'ES256';
export const CHALLENGE_TTL_SECONDS = 300;
