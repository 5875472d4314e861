import { AccessClaims, Caller, ChallengeClaims } from '@amparo/identity';
import { Request } from 'express';

/**
 * A request once the access guard has run: the signed-in caller, an MFA enrolment challenge, or
 * (on routes that accept it) the refresh token of the browser's cookie.
 */
export type AuthenticatedRequest = Request & {
  user?: Caller;
  /** The bearer token's claims, to read the caller again when the cached one has changed. */
  accessClaims?: AccessClaims;
  /** Set by the access guard: the caller may come from the cache (JwtStrategy). */
  callerCacheAllowed?: boolean;
  enrolmentChallenge?: ChallengeClaims;
  refreshToken?: string;
};
