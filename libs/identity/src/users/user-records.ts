import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RoleGrant } from '../access/caller';
import { USER_COLUMNS, USER_GRANTS_COLUMN, UserRow, UserWithGrants } from './user-row';
import { isUUID } from 'class-validator';

/** Reads and writes of `users` and `role_grants` that several services share. */
@Injectable()
export class UserRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byEmail(
    email: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserRow | null> {
    const [row] = await manager.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users u WHERE u.email = $1`,
      [email],
    );
    return row ?? null;
  }

  async byId(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserWithGrants | null> {
    if (!isUUID(id)) return null;
    const [row] = await manager.query<UserWithGrants[]>(
      `SELECT ${USER_COLUMNS}, ${USER_GRANTS_COLUMN} FROM users u WHERE u.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * The user, read after locking their row until the transaction ends: every change to a user's
   * account or grants takes this lock first, so a check on their grants holds until the change
   * commits.
   */
  async lockedById(id: string, manager: EntityManager): Promise<UserWithGrants | null> {
    if (!isUUID(id)) return null;
    await manager.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [id]);
    return this.byId(id, manager);
  }

  async grantsOf(
    userIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, RoleGrant[]>> {
    const rows = await manager.query<(RoleGrant & { userId: string })[]>(
      `SELECT user_id AS "userId", role, consulate_id AS "consulateId", country_code AS "countryCode",
              organisation_id AS "organisationId"
         FROM role_grants WHERE user_id = ANY($1) ORDER BY role, country_code, consulate_id`,
      [userIds],
    );
    const byUser = new Map<string, RoleGrant[]>();
    for (const { userId, ...grant } of rows)
      byUser.set(userId, [...(byUser.get(userId) ?? []), grant]);
    return byUser;
  }

  /** A new password ends every session the user had. */
  async setPassword(userId: string, passwordHash: string, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1',
      [userId, passwordHash],
    );
    await this.endAllSessions(userId, manager);
  }

  /** Invalidates every token the user holds, at once: access tokens carry the version. */
  async endAllSessions(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1',
      [userId],
    );
    await manager.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
  }
}
