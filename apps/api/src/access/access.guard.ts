import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, currentRequestContext } from '@amparo/core';
import {
  ACCESS_METADATA,
  AccessDeclaration,
  Caller,
  CallerLoader,
  TokenSigner,
} from '@amparo/identity';
import { refreshCookieOf } from './refresh-cookie';
import { AuthenticatedRequest } from './authenticated-request';

/**
 * The global guard. Deny by default: a route that declares nothing is refused and logged as a bug.
 * Otherwise it authenticates the bearer token (passport-jwt) and checks the declared permission.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly signer: TokenSigner,
    private readonly callers: CallerLoader,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const declaration = this.declarationOf(context);
    if (!declaration) {
      this.logger.error(
        { route: `${context.getClass().name}.${context.getHandler().name}` },
        'Route declares no access rule; refused',
      );
      throw new DomainError('FORBIDDEN', 'forbidden');
    }
    if (declaration.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const challenge = (req.body as { challengeToken?: unknown } | undefined)?.challengeToken;
    if (
      declaration.kind === 'authenticated' &&
      declaration.acceptsEnrolmentChallenge &&
      typeof challenge === 'string'
    ) {
      req.enrolmentChallenge = this.signer.verifyChallenge(challenge, 'mfa_enrol');
      return true;
    }
    if (
      declaration.kind === 'authenticated' &&
      declaration.acceptsRefreshToken &&
      !req.headers.authorization
    ) {
      // The service checks the token; the guard only says which proof the route gets.
      req.refreshToken = refreshCookieOf(req);
      if (req.refreshToken) return true;
    }
    // A route's answer waits for the check of a cached caller (CallerFreshnessInterceptor).
    req.callerCacheAllowed = true;
    await super.canActivate(context);
    if (this.permits(declaration, req.user!)) return true;
    // A caller from the cache may lack a permission granted since: refuse only a current one.
    if (!currentRequestContext()?.callerCheck) throw new DomainError('FORBIDDEN', 'forbidden');
    req.user = await this.freshCaller(req);
    if (!this.permits(declaration, req.user)) throw new DomainError('FORBIDDEN', 'forbidden');
    return true;
  }

  /**
   * The request's caller read again from the database, after the cached one turned out to have
   * changed (or to lack what the request asks): a 401 when its token no longer signs in.
   */
  async freshCaller(req: AuthenticatedRequest): Promise<Caller> {
    const caller = req.accessClaims && (await this.callers.reload(req.accessClaims));
    if (!caller) throw new DomainError('UNAUTHENTICATED', 'unauthenticated');
    req.user = caller;
    return caller;
  }

  /** Re-checks the route's permission for a caller read again (CallerFreshnessInterceptor). */
  assertPermits(context: ExecutionContext, caller: Caller): void {
    const declaration = this.declarationOf(context);
    if (declaration && !this.permits(declaration, caller))
      throw new DomainError('FORBIDDEN', 'forbidden');
  }

  private permits(declaration: AccessDeclaration, caller: Caller): boolean {
    return declaration.kind !== 'permission' || caller.permissions.has(declaration.permission);
  }

  private declarationOf(context: ExecutionContext): AccessDeclaration | undefined {
    return this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
  }

  /**
   * passport-jwt reports a bad token as "no user" and a failure while loading the caller as an
   * error: only the first is a 401. The second (a database outage, say) goes to the problem filter,
   * so that an outage is a 503 and never looks like a sign-out.
   */
  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw new DomainError('UNAUTHENTICATED', 'unauthenticated');
    return user;
  }
}
