import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { APP_CONFIG, AppConfig, DomainError, registerErrorTexts } from '@amparo/core';
import { randomUUID } from 'node:crypto';
import { updateReturning } from '@amparo/database';
import { DataSource, EntityManager } from 'typeorm';
import { TokenSigner } from '../tokens/token-signer';
import { newSecret, sameHash, sha256 } from '../tokens/opaque-token';
import { UserRecords } from '../users/user-records';
import { SessionTokens } from './session-tokens';
import { isUUID } from 'class-validator';

registerErrorTexts({
  INVALID_REFRESH_TOKEN: {
    title: { es: 'Sesión no válida', en: 'Invalid session' },
    detail: {
      es: 'El token de renovación no es válido, ya se usó o expiró. Inicie sesión de nuevo.',
      en: 'The refresh token is invalid, already used or expired. Sign in again.',
    },
  },
});

interface RefreshRow {
  id: string;
  familyId: string;
  userId: string;
  tokenHash: string;
  familyExpiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

const invalid = () => new DomainError('INVALID_REFRESH_TOKEN', 'unauthenticated');

/**
 * Sign-in sessions: a family of single-use refresh tokens with an absolute lifetime. Presenting a
 * token twice means it was stolen: the whole family is revoked.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signer: TokenSigner,
    private readonly users: UserRecords,
    private readonly audit: AuditService,
  ) {}

  /**
   * Opens a new session for a user who has just proven who they are; `mfaVerified` when that
   * proof included a second factor (kept on the session's first refresh token).
   */
  async open(
    user: { id: string; tokenVersion: number },
    manager: EntityManager = this.dataSource.manager,
    { mfaVerified = false } = {},
  ): Promise<SessionTokens> {
    const familyId = randomUUID();
    const expiresAt = new Date(Date.now() + this.config.auth.sessionLifetimeSeconds * 1000);
    const refreshToken = await this.issueRefreshToken(
      manager,
      user.id,
      familyId,
      expiresAt,
      mfaVerified,
    );
    return this.tokens(user, familyId, refreshToken);
  }

  /** Whether the sign-in that opened the session proved a second factor in the last minutes. */
  async mfaVerifiedWithin(sessionId: string, minutes: number): Promise<boolean> {
    const [row] = await this.dataSource.query<{ recent: boolean | null }[]>(
      `SELECT max(mfa_verified_at) > now() - make_interval(mins => $2) AS recent
         FROM refresh_tokens WHERE family_id = $1`,
      [sessionId, minutes],
    );
    return row?.recent === true;
  }

  /** `presented` is absent when the request carried no token at all: the same refusal. */
  async refresh(presented: string | undefined): Promise<SessionTokens> {
    const [id, secret] = (presented ?? '').split('.');
    if (!id || !secret || !isUUID(id)) throw invalid();
    const [row] = await this.dataSource.query<RefreshRow[]>(
      `SELECT id, family_id AS "familyId", user_id AS "userId", token_hash AS "tokenHash",
              family_expires_at AS "familyExpiresAt", used_at AS "usedAt", revoked_at AS "revokedAt"
         FROM refresh_tokens WHERE id = $1`,
      [id],
    );
    if (!row || !sameHash(row.tokenHash, sha256(secret))) throw invalid();
    if (row.usedAt || row.revokedAt) {
      await this.revokeForReuse(row);
      throw invalid();
    }
    if (row.familyExpiresAt.getTime() <= Date.now()) throw invalid();

    const result = await this.dataSource.transaction(async (manager) => {
      // Atomic: of two concurrent uses of one token, exactly one marks it used.
      const marked = await updateReturning(
        manager,
        `UPDATE refresh_tokens SET used_at = now() WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING id`,
        [id],
      );
      if (marked.length === 0) return 'reused' as const;
      const user = await this.users.byId(row.userId, manager);
      if (!user || user.status !== 'active') return 'inactive' as const;
      const refreshToken = await this.issueRefreshToken(
        manager,
        user.id,
        row.familyId,
        row.familyExpiresAt,
      );
      await this.audit.record(
        {
          action: 'auth.refresh',
          outcome: 'success',
          actor: { userId: user.id, roles: user.grants.map((g) => g.role) },
          resourceType: 'user',
          resourceId: user.id,
          countryCode: user.countryCode,
        },
        manager,
      );
      return this.tokens(user, row.familyId, refreshToken);
    });
    if (result === 'reused') await this.revokeForReuse(row);
    if (typeof result === 'string') throw invalid();
    return result;
  }

  /**
   * The session a refresh token belongs to, whether or not it was used already: signing out with
   * an older token of the family still names the session to end.
   */
  async sessionOf(presented: string): Promise<{ familyId: string; userId: string } | null> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !isUUID(id)) return null;
    const [row] = await this.dataSource.query<
      Pick<RefreshRow, 'familyId' | 'userId' | 'tokenHash'>[]
    >(
      `SELECT family_id AS "familyId", user_id AS "userId", token_hash AS "tokenHash"
         FROM refresh_tokens WHERE id = $1`,
      [id],
    );
    if (!row || !sameHash(row.tokenHash, sha256(secret))) return null;
    return { familyId: row.familyId, userId: row.userId };
  }

  /** Ends one session; its access tokens stop working at once. */
  async revokeFamily(
    familyId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
  }

  private async revokeForReuse(row: RefreshRow): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.revokeFamily(row.familyId, manager);
      await this.audit.record(
        {
          action: 'auth.refresh_reuse',
          outcome: 'denied',
          resourceType: 'user',
          resourceId: row.userId,
          details: { sessionRevoked: true },
        },
        manager,
      );
    });
  }

  private async issueRefreshToken(
    manager: EntityManager,
    userId: string,
    familyId: string,
    familyExpiresAt: Date,
    mfaVerified = false,
  ): Promise<string> {
    const id = randomUUID();
    const secret = newSecret();
    await manager.query(
      `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, family_expires_at, mfa_verified_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN now() END)`,
      [id, familyId, userId, sha256(secret), familyExpiresAt, mfaVerified],
    );
    return `${id}.${secret}`;
  }

  private tokens(
    user: { id: string; tokenVersion: number },
    familyId: string,
    refreshToken: string,
  ): SessionTokens {
    return {
      accessToken: this.signer.signAccess({ sub: user.id, sid: familyId, ver: user.tokenVersion }),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.config.auth.accessTokenTtlSeconds,
    };
  }
}
