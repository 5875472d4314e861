import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessClaims } from '../tokens/token-claims';
import { USER_GRANTS_COLUMN, UserRow } from '../users/user-row';
import { Caller, RoleGrant } from './caller';
import { permissionsOf } from './permissions';
import { isUUID } from 'class-validator';

type CallerRow = Pick<
  UserRow,
  | 'id'
  | 'email'
  | 'displayName'
  | 'locale'
  | 'countryCode'
  | 'status'
  | 'tokenVersion'
  | 'mfaEnabledAt'
> & { grants: RoleGrant[]; sessionActive: boolean };

/**
 * Turns valid access-token claims into a Caller, checking the database each time so that disabling
 * a user, changing their grants or password, or logging out takes effect at once. The user, their
 * grants and their session come in one statement: it runs on every authenticated request.
 */
@Injectable()
export class CallerLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(claims: AccessClaims): Promise<Caller | null> {
    if (!isUUID(claims.sid) || !isUUID(claims.sub)) return null;
    const [user] = await this.dataSource.query<CallerRow[]>(
      `SELECT u.id, u.email::text AS "email", u.display_name AS "displayName", u.locale,
              u.country_code AS "countryCode", u.status, u.token_version AS "tokenVersion",
              u.mfa_enabled_at AS "mfaEnabledAt", ${USER_GRANTS_COLUMN},
              EXISTS (SELECT 1 FROM refresh_tokens
                       WHERE family_id = $2 AND user_id = u.id AND revoked_at IS NULL
                         AND family_expires_at > now()) AS "sessionActive"
         FROM users u WHERE u.id = $1`,
      [claims.sub, claims.sid],
    );
    if (!user || user.status !== 'active' || user.tokenVersion !== claims.ver) return null;
    if (!user.sessionActive) return null;
    const roles = [...new Set(user.grants.map((g) => g.role))];
    return {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      countryCode: user.countryCode,
      mfaEnabled: user.mfaEnabledAt !== null,
      sessionId: claims.sid,
      grants: user.grants,
      roles,
      permissions: permissionsOf(roles),
    };
  }
}
