import { Caller, ChallengeClaims } from '@amparo/identity';
import { Request } from 'express';

/** A request once the access guard has run: the signed-in caller, or an MFA enrolment challenge. */
export type AuthenticatedRequest = Request & {
  user?: Caller;
  enrolmentChallenge?: ChallengeClaims;
};
