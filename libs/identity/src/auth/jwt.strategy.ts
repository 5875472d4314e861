import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Caller } from '../access/caller';
import { CallerLoader } from '../access/caller-loader';
import { AccessClaims } from '../tokens/token-claims';
import { TokenSigner } from '../tokens/token-signer';

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

  async validate(
    payload: Partial<AccessClaims> & { nbf?: unknown; exp?: unknown },
  ): Promise<Caller | false> {
    const wellFormed =
      payload.typ === 'access' &&
      typeof payload.sub === 'string' &&
      typeof payload.sid === 'string' &&
      typeof payload.ver === 'number' &&
      typeof payload.nbf === 'number' &&
      typeof payload.exp === 'number';
    if (!wellFormed) return false;
    return (await this.callers.load(payload as AccessClaims)) ?? false;
  }
}
