import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessClaims } from '../tokens/token-claims';
import { USER_GRANTS_COLUMN, UserRow } from '../users/user-row';
import { Caller, RoleGrant } from './caller';
import { permissionsOf } from './permissions';
import { isUUID } from 'class-validator';
import { currentRequestContext } from '@amparo/core';

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
> & { grants: RoleGrant[]; sessionActive: boolean; fingerprint: string };

/** Callers kept at most; the oldest go first (a Map keeps its insertion order). */
const CACHED_CALLERS = 10_000;

/**
 * Turns valid access-token claims into a Caller, so that disabling a user, changing their grants or
 * password, or logging out takes effect at once. The user, their grants and their session come in
 * one statement.
 *
 * A request (`fromCache`) may take the caller from a cache in this process instead, where the
 * database is a server (it pipelines: issue 20's round trips): the request then carries a check
 * that the caller is still current (`CallerCheck`, migration 0035), which the database makes
 * before the request's first statement or with it, in the BEGIN of its first walled transaction,
 * and before its answer in any case. A caller that has changed there is read again and the
 * request served anew with it (`CallerFreshnessInterceptor`); in every API process alike, as each
 * asks the database.
 */
@Injectable()
export class CallerLoader {
  private readonly cache = new Map<string, { caller: Caller; fingerprint: string }>();
  private readonly cacheable: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const extra = (dataSource.options as { extra?: { pipeline?: boolean } }).extra;
    this.cacheable = extra?.pipeline === true;
  }

  async load(claims: AccessClaims, { fromCache = false } = {}): Promise<Caller | null> {
    if (!isUUID(claims.sid) || !isUUID(claims.sub) || !Number.isInteger(claims.ver)) return null;
    const key = keyOf(claims);
    const context = currentRequestContext();
    const hit = fromCache && this.cacheable && context ? this.cache.get(key) : undefined;
    if (hit) {
      // UUIDs and an md5 in hex: nothing to quote (it joins a BEGIN's text, without parameters).
      context!.callerCheck = {
        sql: `SELECT amparo_assert_current_caller('${claims.sub}', '${claims.sid}', '${hit.fingerprint}')`,
        state: 'pending',
      };
      return hit.caller;
    }
    const [user] = await this.dataSource.query<CallerRow[]>(
      `SELECT u.id, u.email::text AS "email", u.display_name AS "displayName", u.locale,
              u.country_code AS "countryCode", u.status, u.token_version AS "tokenVersion",
              u.mfa_enabled_at AS "mfaEnabledAt", ${USER_GRANTS_COLUMN},
              EXISTS (SELECT 1 FROM refresh_tokens
                       WHERE family_id = $2 AND user_id = u.id AND revoked_at IS NULL
                         AND family_expires_at > now()) AS "sessionActive",
              amparo_caller_fingerprint(u.id) AS fingerprint
         FROM users u WHERE u.id = $1`,
      [claims.sub, claims.sid],
    );
    if (!user || user.status !== 'active' || user.tokenVersion !== claims.ver) return null;
    if (!user.sessionActive) return null;
    const roles = [...new Set(user.grants.map((g) => g.role))];
    const caller: Caller = {
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
    if (this.cacheable) this.remember(key, caller, user.fingerprint);
    return caller;
  }

  /**
   * The caller read again from the database (the request's check then has nothing left to do),
   * after the database said the cached one has changed; null when the claims no longer sign in.
   */
  async reload(claims: AccessClaims): Promise<Caller | null> {
    this.cache.delete(keyOf(claims));
    const context = currentRequestContext();
    if (context) context.callerCheck = undefined;
    return this.load(claims);
  }

  private remember(key: string, caller: Caller, fingerprint: string) {
    this.cache.delete(key);
    this.cache.set(key, { caller, fingerprint });
    if (this.cache.size > CACHED_CALLERS) this.cache.delete(this.cache.keys().next().value!);
  }
}

function keyOf(claims: AccessClaims): string {
  return `${claims.sub}/${claims.sid}/${claims.ver}`;
}
