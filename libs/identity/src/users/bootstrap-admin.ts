import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '../passwords/password-hasher';
import { passwordProblems } from '../passwords/password-policy';
import { UserAdminService } from './user-admin.service';

const DEFAULT_EMBEDDED_ADMIN = 'admin@amparo.local';

/**
 * Creates the first system_admin when there are no users: from AMPARO_BOOTSTRAP_ADMIN_EMAIL and
 * _PASSWORD, or, in the embedded default, with a random password that the API prints once, last,
 * after it listens (`takeGeneratedCredential`).
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');
  private generated?: { email: string; password: string };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserAdminService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const [{ any }] = await this.dataSource.query<{ any: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM users) AS any',
    );
    if (any) return;
    const configured = this.config.auth.bootstrapAdmin;
    if (!configured?.password && this.config.database.mode !== 'embedded') {
      this.logger.warn(
        'No users yet: set AMPARO_BOOTSTRAP_ADMIN_EMAIL and AMPARO_BOOTSTRAP_ADMIN_PASSWORD and restart',
      );
      return;
    }
    const email = configured?.email ?? DEFAULT_EMBEDDED_ADMIN;
    const password = configured?.password ?? randomBytes(18).toString('base64url');
    const problems = passwordProblems(password, 'AMPARO_BOOTSTRAP_ADMIN_PASSWORD');
    if (problems.length)
      throw new Error(
        `AMPARO_BOOTSTRAP_ADMIN_PASSWORD is not acceptable: ${problems[0].message.en}`,
      );
    const passwordHash = await hashPassword(password);
    const created = await this.dataSource.transaction(async (manager) => {
      // Two API processes starting together: only one creates the admin.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('amparo_bootstrap_admin'))`);
      const [{ any: raced }] = await manager.query<{ any: boolean }[]>(
        'SELECT EXISTS (SELECT 1 FROM users) AS any',
      );
      if (raced) return false;
      const id = await this.users.createWithPassword(
        {
          email,
          displayName: 'System administrator',
          grants: [
            { role: 'system_admin', consulateId: null, countryCode: null, organisationId: null },
          ],
        },
        passwordHash,
        manager,
      );
      await this.audit.record(
        {
          action: 'user.bootstrap',
          outcome: 'success',
          resourceType: 'user',
          resourceId: id,
          details: { roles: ['system_admin'] },
        },
        manager,
      );
      return true;
    });
    if (!created) return;
    this.logger.log('Created the first system_admin');
    if (!configured?.password) this.generated = { email, password };
  }

  /** The generated first administrator's email and password, once; undefined afterwards. */
  takeGeneratedCredential(): { email: string; password: string } | undefined {
    const generated = this.generated;
    this.generated = undefined;
    return generated;
  }
}
