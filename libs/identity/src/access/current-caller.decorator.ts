import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { MfaSubject } from '../auth/auth.service';
import { AuthenticatedRequest } from './access.guard';
import { Caller } from './caller';

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
