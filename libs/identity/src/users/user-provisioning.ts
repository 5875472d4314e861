import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RoleGrant } from '../access/caller';

/** A user who can sign in at once: a password (hashed) instead of an activation link. */
export interface ProvisionedUser {
  email: string;
  displayName: string;
  countryCode: string | null;
  passwordHash: string;
  grants: RoleGrant[];
}

/**
 * Accounts written directly, for seeding (the demo network) and its password reset. No checks of
 * who may grant what and no audit event of their own: the caller records one for its run, in
 * `manager`'s transaction. Everyone else goes through UserAdminService.
 */
@Injectable()
export class UserProvisioning {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The ids of the users with these e-mails, by lower-cased e-mail; in `manager`'s transaction
   * when given (inside a transaction, a query on another connection waits forever on PGlite).
   */
  async idsByEmail(
    emails: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; email: string }[]>(
      'SELECT id, email::text AS email FROM users WHERE email = ANY($1::citext[])',
      [emails],
    );
    return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
  }

  /** The new user's id, or null when the e-mail is taken (then nothing is written). */
  async createWithPassword(manager: EntityManager, user: ProvisionedUser): Promise<string | null> {
    const [inserted] = await manager.query<{ id: string }[]>(
      `INSERT INTO users (email, display_name, locale, country_code, password_hash, password_changed_at)
       VALUES ($1, $2, 'es', $3, $4, now())
       ON CONFLICT ON CONSTRAINT uq_users_email DO NOTHING
       RETURNING id`,
      [user.email, user.displayName, user.countryCode, user.passwordHash],
    );
    if (!inserted) return null;
    for (const grant of user.grants) {
      await manager.query(
        `INSERT INTO role_grants (user_id, role, consulate_id, country_code, organisation_id)
         VALUES ($1, $2, $3, $4, $5)`,
        [inserted.id, grant.role, grant.consulateId, grant.countryCode, grant.organisationId],
      );
    }
    return inserted.id;
  }

  /**
   * New password hashes. As a user's own password change does, every session of theirs ends at
   * once (access tokens carry the token version; refresh tokens are revoked).
   */
  async replacePasswords(
    manager: EntityManager,
    changes: readonly { id: string; passwordHash: string }[],
  ): Promise<void> {
    const ids = changes.map((c) => c.id);
    await manager.query(
      `UPDATE users u SET password_hash = n.hash, password_changed_at = now(), updated_at = now(),
                          token_version = u.token_version + 1
         FROM unnest($1::uuid[], $2::text[]) AS n(id, hash)
        WHERE u.id = n.id`,
      [ids, changes.map((c) => c.passwordHash)],
    );
    await manager.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL',
      [ids],
    );
  }
}
