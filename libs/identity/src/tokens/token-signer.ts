import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DomainError } from '@amparo/core';
import { JwtService } from '@nestjs/jwt';
import { KeyObject, createPrivateKey, createPublicKey, randomUUID } from 'node:crypto';
import { AUTH_SECRETS, AuthSecrets } from './auth-secrets';
import {
  AccessClaims,
  CHALLENGE_TTL_SECONDS,
  ChallengeClaims,
  JWT_ALGORITHM,
} from './token-claims';

/** Signs and checks Amparo's JWTs: one pinned algorithm, issuer, audience, expiry, not-before. */
@Injectable()
export class TokenSigner {
  private readonly jwt = new JwtService();
  // Parsed once: parsing a PEM on every request was a visible share of the API's CPU.
  private readonly signingKey: KeyObject;
  private readonly verificationKey: KeyObject;

  constructor(
    @Inject(AUTH_SECRETS) private readonly secrets: AuthSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.signingKey = createPrivateKey(secrets.privateKey);
    this.verificationKey = createPublicKey(secrets.publicKey);
  }

  get verificationOptions() {
    return {
      algorithms: [JWT_ALGORITHM] as ['ES256'],
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
    };
  }

  get publicKey(): KeyObject {
    return this.verificationKey;
  }

  signAccess(claims: Omit<AccessClaims, 'typ'>): string {
    return this.sign({ typ: 'access', ...claims }, this.config.auth.accessTokenTtlSeconds);
  }

  signChallenge(claims: ChallengeClaims): string {
    return this.sign(claims, CHALLENGE_TTL_SECONDS);
  }

  /** The claims of a valid challenge of the expected type; otherwise 401. */
  verifyChallenge(token: string, typ: ChallengeClaims['typ']): ChallengeClaims {
    try {
      const claims = this.jwt.verify<ChallengeClaims & { nbf?: number }>(token, {
        ...this.verificationOptions,
        // jsonwebtoken verifies with a KeyObject; @nestjs/jwt's option type only names strings and buffers.
        publicKey: this.verificationKey as unknown as string,
      });
      if (claims.typ === typ && typeof claims.nbf === 'number') return claims;
    } catch {
      // any invalid token is the same answer
    }
    throw new DomainError('INVALID_CHALLENGE', 'unauthenticated');
  }

  private sign(payload: object, ttlSeconds: number): string {
    return this.jwt.sign(payload, {
      algorithm: JWT_ALGORITHM,
      privateKey: this.signingKey,
      expiresIn: ttlSeconds,
      notBefore: 0,
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      jwtid: randomUUID(),
    });
  }
}
