import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
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
    });
  }

  async validate(payload: unknown): Promise<Caller | false> {
    if (!isAccessTokenPayload(payload)) return false;
    return (await this.callers.load(payload)) ?? false;
  }
}
