import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';

/** Who works at a post, for other contexts that must not read users and grants themselves. */
@Injectable()
export class PostOfficers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** An active user holding an officer or consul grant at this consulate. */
  async isActiveOfficerAt(
    userId: string,
    consulateId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    if (!isUUID(userId)) return false;
    const [found] = await manager.query<unknown[]>(
      `SELECT 1 FROM users u JOIN role_grants g ON g.user_id = u.id
        WHERE u.id = $1 AND u.status = 'active' AND g.role IN ('officer', 'consul') AND g.consulate_id = $2
        LIMIT 1`,
      [userId, consulateId],
    );
    return found !== undefined;
  }

  /** Whether an active user holds a consul grant at this consulate (who approves its closures). */
  async hasActiveConsul(
    consulateId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    if (!isUUID(consulateId)) return false;
    const [found] = await manager.query<unknown[]>(
      `SELECT 1 FROM role_grants g JOIN users u ON u.id = g.user_id
        WHERE g.role = 'consul' AND g.consulate_id = $1 AND u.status = 'active' LIMIT 1`,
      [consulateId],
    );
    return found !== undefined;
  }

  /** The consulates of these countries where an active user holds a consul grant. */
  async postsWithActiveConsul(
    countryCodes: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (!countryCodes.length) return [];
    const rows = await manager.query<{ id: string }[]>(
      `SELECT DISTINCT g.consulate_id AS id FROM role_grants g JOIN users u ON u.id = g.user_id
        WHERE g.role = 'consul' AND g.country_code = ANY($1) AND u.status = 'active'`,
      [countryCodes],
    );
    return rows.map((r) => r.id);
  }

  /** The active users who may be assigned a case of this post (isActiveOfficerAt's rule), by name. */
  async activeOfficersAt(consulateId: string): Promise<{ id: string; displayName: string }[]> {
    if (!isUUID(consulateId)) return [];
    return this.dataSource.query<{ id: string; displayName: string }[]>(
      `SELECT u.id, u.display_name AS "displayName" FROM users u
        WHERE u.status = 'active' AND EXISTS (
          SELECT 1 FROM role_grants g
           WHERE g.user_id = u.id AND g.role IN ('officer', 'consul') AND g.consulate_id = $1)
        ORDER BY u.display_name, u.id`,
      [consulateId],
    );
  }

  /** Display names of these users (any status: a case stays assigned to someone who left). */
  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id) => isUUID(id)))];
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; displayName: string }[]>(
      `SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.displayName]));
  }
}
