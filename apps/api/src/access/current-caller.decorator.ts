import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { Caller, MfaSubject } from '@amparo/identity';
import { AuthenticatedRequest } from './authenticated-request';

/** The signed-in caller of a route declared `@Authenticated` or `@RequirePermission`. */
export const CurrentCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext): Caller =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user!,
);

/** The signed-in caller, or the user half-way through a sign-in that requires MFA enrolment. */
export const CurrentMfaSubject = createParamDecorator(
  (_: unknown, context: ExecutionContext): MfaSubject => {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    return req.enrolmentChallenge ? { challenge: req.enrolmentChallenge } : { caller: req.user! };
  },
);
