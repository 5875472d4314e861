import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { UserProvisioning, hashPassword } from '@amparo/identity';
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
    private readonly accounts: UserProvisioning,
    private readonly audit: AuditService,
  ) {}

  /** The new credentials; an empty list when the database has no demo users. */
  async reset(): Promise<DemoCredential[]> {
    const ids = await this.accounts.idsByEmail(DEMO_USERS.map((u) => u.email));
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
      // Ends their sessions too, as a user's own password change does.
      await this.accounts.replacePasswords(
        manager,
        userIds.map((id, i) => ({ id, passwordHash: secrets[i].hash })),
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
