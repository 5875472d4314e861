import { Caller, ChallengeClaims } from '@amparo/identity';
import { Request } from 'express';

/**
 * A request once the access guard has run: the signed-in caller, an MFA enrolment challenge, or
 * (on routes that accept it) the refresh token of the browser's cookie.
 */
export type AuthenticatedRequest = Request & {
  user?: Caller;
  enrolmentChallenge?: ChallengeClaims;
  refreshToken?: string;
};
