import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { hashPassword } from '@amparo/identity';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DemoCredential } from './demo-credentials-frame';
import { DEMO_USERS } from './demo-network.data';
import { describeGrants } from './demo-seeder';

/**
 * Gives every demo user that exists a new random password, for a newcomer who missed the ones
 * printed at the first start. Only the demo accounts (of demo-network.data.ts) are touched.
 */
@Injectable()
export class DemoPasswordReset {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The new credentials; an empty list when the database has no demo users. */
  async reset(): Promise<DemoCredential[]> {
    const rows = await this.dataSource.query<{ id: string; email: string }[]>(
      'SELECT id, email::text AS email FROM users WHERE email = ANY($1::citext[])',
      [DEMO_USERS.map((u) => u.email)],
    );
    const ids = new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
    const users = DEMO_USERS.filter((u) => ids.has(u.email.toLowerCase()));
    if (!users.length) return [];
    // argon2 is slow on purpose: hash before the transaction.
    const secrets = await Promise.all(
      users.map(async () => {
        const password = randomBytes(12).toString('base64url');
        return { password, hash: await hashPassword(password) };
      }),
    );
    await this.dataSource.transaction(async (manager) => {
      const userIds = users.map((u) => ids.get(u.email.toLowerCase())!);
      await manager.query(
        `UPDATE users u SET password_hash = n.hash, password_changed_at = now(), updated_at = now(),
                            token_version = u.token_version + 1
           FROM unnest($1::uuid[], $2::text[]) AS n(id, hash)
          WHERE u.id = n.id`,
        [userIds, secrets.map((s) => s.hash)],
      );
      // As identity's own password change does: a new password ends every session at once
      // (access tokens carry the token version; refresh tokens are revoked).
      await manager.query(
        'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL',
        [userIds],
      );
      for (const id of userIds)
        await this.audit.record(
          {
            action: 'demo.password_reset',
            outcome: 'success',
            resourceType: 'user',
            resourceId: id,
          },
          manager,
        );
    });
    return users.map((user, i) => ({
      email: user.email,
      password: secrets[i].password,
      roles: describeGrants(user),
    }));
  }
}
