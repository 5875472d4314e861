import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthenticatedRequest } from '../access/authenticated-request';
import { Caller, CallerLoader, isAccessTokenPayload, TokenSigner } from '@amparo/identity';

/** Bearer access tokens: ES256 only, issuer, audience, expiry and not-before enforced. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    signer: TokenSigner,
    private readonly callers: CallerLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // jsonwebtoken accepts a KeyObject; passport-jwt's types only name strings and buffers.
      secretOrKey: signer.publicKey as unknown as string,
      ignoreExpiration: false,
      ...signer.verificationOptions,
      jsonWebTokenOptions: { clockTolerance: 0 },
      passReqToCallback: true,
    });
  }

  /**
   * The caller may come from the cache, which the database then checks (CallerLoader), only for a
   * request the access guard lets use it: one of the API's routes, whose answer then waits for the
   * check (CallerFreshnessInterceptor); not the queue dashboard's middleware. And only for one that
   * can be served anew if the caller has changed: not a multipart upload, whose body the route's
   * interceptor streams once.
   */
  async validate(req: AuthenticatedRequest, payload: unknown): Promise<Caller | false> {
    if (!isAccessTokenPayload(payload)) return false;
    req.accessClaims = payload;
    const fromCache =
      req.callerCacheAllowed === true &&
      !(req.headers['content-type'] ?? '').startsWith('multipart/');
    return (await this.callers.load(payload, { fromCache })) ?? false;
  }
}
