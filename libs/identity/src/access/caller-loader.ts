import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessClaims } from '../tokens/token-claims';
import { UserRecords } from '../users/user-records';
import { Caller } from './caller';
import { permissionsOf } from './permissions';
import { isUUID } from 'class-validator';

/**
 * Turns valid access-token claims into a Caller, checking the database each time so that disabling
 * a user, changing their grants or password, or logging out takes effect at once.
 */
@Injectable()
export class CallerLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRecords,
  ) {}

  async load(claims: AccessClaims): Promise<Caller | null> {
    if (!isUUID(claims.sid)) return null;
    const user = await this.users.byId(claims.sub);
    if (!user || user.status !== 'active' || user.tokenVersion !== claims.ver) return null;
    const [session] = await this.dataSource.query<{ active: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM refresh_tokens
                       WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL
                         AND family_expires_at > now()) AS active`,
      [claims.sid, claims.sub],
    );
    if (!session?.active) return null;
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
