import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import {
  APP_CONFIG,
  AppConfig,
  DEFAULT_PAGE_SIZE,
  DomainError,
  FieldError,
  Page,
  decodeCursor,
  invalidCursor,
  toPage,
} from '@amparo/core';
import { randomUUID } from 'node:crypto';
import { SqlConditions, addTextSearch } from '@amparo/database';
import { DataSource, EntityManager } from 'typeorm';
import { Caller, RoleGrant } from '../access/caller';
import { recordCallerEvent } from '../access/caller-audit';
import { ROLES_GRANTABLE_BY_ADMIN } from '../access/roles';
import { ScopeService, inScope } from '../access/scope.service';
import { newSecret, sha256 } from '../tokens/opaque-token';
import './user-admin-errors';
import { IssuedActivation, NewUser, UserChanges, UserFilters } from './user-admin.types';
import { mayAdminister } from './administrable';
import { GrantScopes, fieldError, focalPointAlone, grantKey } from './grant-scopes';
import { UserRecords } from './user-records';
import { USER_COLUMNS, UserRow, UserStatus, UserWithGrants } from './user-row';
import { isUUID } from 'class-validator';

/**
 * User administration by admins (their country's users) and system_admins (everyone). A user
 * outside the caller's scope answers exactly like one that does not exist.
 */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRecords,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly grantScopes: GrantScopes,
  ) {}

  async create(
    caller: Caller,
    input: NewUser,
  ): Promise<{ user: UserWithGrants } & IssuedActivation> {
    const countryCode = this.targetCountry(caller, input.countryCode);
    return this.dataSource.transaction(async (manager) => {
      const grants = await this.checkGrants(caller, countryCode, input.grants, manager);
      const id = randomUUID();
      try {
        await manager.query(
          `INSERT INTO users (id, email, display_name, locale, country_code) VALUES ($1, $2, $3, $4, $5)`,
          [id, input.email.trim(), input.displayName.trim(), input.locale ?? 'es', countryCode],
        );
      } catch (error) {
        if ((error as { constraint?: string }).constraint === 'uq_users_email')
          throw new DomainError('EMAIL_TAKEN', 'conflict');
        throw error;
      }
      await this.insertGrants(manager, id, grants);
      const activation = await this.issueActivation(manager, id, 'activation');
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'user.create',
          resourceType: 'user',
          resourceId: id,
          countryCode,
          details: {
            roles: grants.map((g) => g.role),
          },
        },
        manager,
      );
      return { user: (await this.users.byId(id, manager))!, ...activation };
    });
  }

  async list(caller: Caller, filters: UserFilters): Promise<Page<UserWithGrants>> {
    const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
    const scope = this.scopes.adminCountries(caller);
    const where = new SqlConditions()
      .addIf(filters.countryCode, 'u.country_code = ?')
      .addIf(filters.status, 'u.status = ?')
      .addIf(
        filters.role,
        'EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.role = ?)',
      );
    if (!scope.all) where.add('u.country_code = ANY(?)', scope.ids);
    addTextSearch(where, ['u.display_name', 'u.email::text'], filters.q);
    if (filters.cursor) {
      const [email, id] = decodeCursor(filters.cursor, 2);
      if (typeof email !== 'string' || typeof id !== 'string' || !isUUID(id)) throw invalidCursor();
      where.add('(u.email::text, u.id) > (?, ?::uuid)', email, id);
    }
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users u ${where.where}
        ORDER BY u.email::text, u.id LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    const grants = await this.users.grantsOf(rows.map((r) => r.id));
    await recordCallerEvent(this.audit, caller, {
      action: 'user.list',
      resourceType: 'user',
      countryCode: caller.countryCode,
      details: {
        filters: {
          status: filters.status,
          role: filters.role,
          countryCode: filters.countryCode,
          q: filters.q ? true : undefined,
        },
        returned: Math.min(rows.length, limit),
      },
    });
    return toPage(
      rows,
      limit,
      (r) => [r.email, r.id],
      (r) => ({ ...r, grants: grants.get(r.id) ?? [] }),
    );
  }

  async get(caller: Caller, id: string): Promise<UserWithGrants> {
    const user = await this.visibleUser(caller, id);
    await recordCallerEvent(this.audit, caller, {
      action: 'user.read',
      resourceType: 'user',
      resourceId: id,
      countryCode: user.countryCode,
    });
    return user;
  }

  async update(caller: Caller, id: string, changes: UserChanges): Promise<UserWithGrants> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.visibleUser(caller, id, manager);
      await manager.query(
        `UPDATE users SET display_name = COALESCE($2, display_name), locale = COALESCE($3, locale), updated_at = now() WHERE id = $1`,
        [id, changes.displayName?.trim() ?? null, changes.locale ?? null],
      );
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'user.update',
          resourceType: 'user',
          resourceId: id,
          countryCode: user.countryCode,
          details: {
            fields: Object.keys(changes),
          },
        },
        manager,
      );
      return (await this.users.byId(id, manager))!;
    });
  }

  /** Replaces every grant; the user's tokens stop working at once. */
  async replaceGrants(caller: Caller, id: string, requested: RoleGrant[]): Promise<UserWithGrants> {
    const action = 'user.grants.update';
    return this.changeAccount(caller, id, action, async (user, manager) => {
      const grants = await this.checkGrants(caller, user.countryCode, requested, manager);
      await manager.query('DELETE FROM role_grants WHERE user_id = $1', [id]);
      await this.insertGrants(manager, id, grants);
      await this.users.endAllSessions(id, manager);
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action,
          resourceType: 'user',
          resourceId: id,
          countryCode: user.countryCode,
          details: {
            roles: grants.map((g) => g.role),
          },
        },
        manager,
      );
      return (await this.users.byId(id, manager))!;
    });
  }

  async setStatus(caller: Caller, id: string, status: UserStatus): Promise<UserWithGrants> {
    const action = status === 'disabled' ? 'user.disable' : 'user.enable';
    return this.changeAccount(caller, id, action, async (user, manager) => {
      await manager.query('UPDATE users SET status = $2, updated_at = now() WHERE id = $1', [
        id,
        status,
      ]);
      if (status === 'disabled') await this.users.endAllSessions(id, manager);
      await recordCallerEvent(
        this.audit,
        caller,
        { action, resourceType: 'user', resourceId: id, countryCode: user.countryCode },
        manager,
      );
      return (await this.users.byId(id, manager))!;
    });
  }

  /** Clears the password and MFA-free sessions; the user sets a new password with the token. */
  async resetPassword(caller: Caller, id: string): Promise<IssuedActivation> {
    const action = 'user.password_reset';
    return this.changeAccount(caller, id, action, async (user, manager) => {
      await manager.query(
        'UPDATE users SET password_hash = NULL, updated_at = now() WHERE id = $1',
        [id],
      );
      await this.users.endAllSessions(id, manager);
      const activation = await this.issueActivation(manager, id, 'password_reset');
      await recordCallerEvent(
        this.audit,
        caller,
        { action, resourceType: 'user', resourceId: id, countryCode: user.countryCode },
        manager,
      );
      return activation;
    });
  }

  /** Used by bootstrap: a user with a password already set and the given grants. */
  async createWithPassword(
    input: NewUser,
    passwordHash: string,
    manager: EntityManager,
  ): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO users (id, email, display_name, locale, country_code, password_hash, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [
        id,
        input.email,
        input.displayName,
        input.locale ?? 'es',
        input.countryCode ?? null,
        passwordHash,
      ],
    );
    await this.insertGrants(manager, id, input.grants);
    return id;
  }

  /**
   * Runs a change to another user's account (one that could take it over or lock its owner out)
   * after the checks all such changes share: never on oneself (409); out of scope answers 404 like
   * an unknown id; and only on an account the caller may administer (403, see `mayAdminister`).
   * The user's row stays locked until the change commits. Refusals other than 404 are audited.
   */
  private async changeAccount<T>(
    caller: Caller,
    id: string,
    action: string,
    change: (user: UserWithGrants, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    if (id === caller.userId) {
      await recordCallerEvent(this.audit, caller, {
        action,
        outcome: 'denied',
        resourceType: 'user',
        resourceId: id,
        countryCode: caller.countryCode,
        details: { reason: 'CANNOT_CHANGE_OWN_ACCOUNT' },
      });
      throw new DomainError('CANNOT_CHANGE_OWN_ACCOUNT', 'conflict');
    }
    const outcome = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockedById(id, manager);
      const scope = this.scopes.adminCountries(caller);
      if (!user || !inScope(scope, user.countryCode))
        throw new DomainError('USER_NOT_FOUND', 'not_found');
      if (!mayAdminister(scope, user)) return { allowed: false as const, user };
      return { allowed: true as const, done: await change(user, manager) };
    });
    if (!outcome.allowed) {
      await recordCallerEvent(this.audit, caller, {
        action,
        outcome: 'denied',
        resourceType: 'user',
        resourceId: id,
        countryCode: outcome.user.countryCode,
        details: { reason: 'USER_ACTION_NOT_ALLOWED' },
      });
      throw new DomainError('USER_ACTION_NOT_ALLOWED', 'forbidden');
    }
    return outcome.done;
  }

  private async visibleUser(
    caller: Caller,
    id: string,
    manager?: EntityManager,
  ): Promise<UserWithGrants> {
    const user = await this.users.byId(id, manager);
    if (!user || !inScope(this.scopes.adminCountries(caller), user.countryCode)) {
      throw new DomainError('USER_NOT_FOUND', 'not_found');
    }
    return user;
  }

  private targetCountry(caller: Caller, requested: string | null | undefined): string | null {
    const scope = this.scopes.adminCountries(caller);
    if (scope.all) return requested ?? null;
    const country = requested ?? (scope.ids.length === 1 ? scope.ids[0] : undefined);
    if (!country || !scope.ids.includes(country)) {
      throw new DomainError('GRANT_NOT_ALLOWED', 'forbidden', {
        fieldErrors: [
          fieldError(
            'countryCode',
            'OUT_OF_SCOPE',
            'Solo puede crear usuarios de su país.',
            'You can only create users of your country.',
          ),
        ],
      });
    }
    return country;
  }

  private mayGrant(caller: Caller, grant: RoleGrant): boolean {
    const scope = this.scopes.adminCountries(caller);
    if (scope.all) return true;
    return (
      ROLES_GRANTABLE_BY_ADMIN.includes(grant.role) &&
      grant.countryCode !== null &&
      scope.ids.includes(grant.countryCode)
    );
  }

  /**
   * Checks each grant's shape, resolves its consulate's or organisation's country, and that the
   * caller may give it.
   */
  private async checkGrants(
    caller: Caller,
    userCountry: string | null,
    grants: RoleGrant[],
    manager: EntityManager,
  ): Promise<RoleGrant[]> {
    const invalid: FieldError[] = [];
    const forbidden: FieldError[] = [];
    const resolved: RoleGrant[] = [];
    for (const [index, grant] of grants.entries()) {
      const at = `grants.${index}`;
      const scoped = await this.grantScopes.resolve(grant, at, manager);
      if ('field' in scoped) {
        invalid.push(scoped);
        continue;
      }
      resolved.push(scoped);
      if (
        !this.mayGrant(caller, scoped) ||
        (!this.scopes.adminCountries(caller).all &&
          scoped.role !== 'analyst' &&
          scoped.countryCode !== userCountry)
      ) {
        // An organisation's focal point is refused for the organisation, the row's choice.
        const field = scoped.organisationId ? 'organisationId' : 'role';
        forbidden.push(
          fieldError(
            `${at}.${field}`,
            'GRANT_NOT_ALLOWED',
            scoped.organisationId
              ? 'Solo puede otorgar este rol para organizaciones que administra su país.'
              : 'No puede otorgar este rol en este ámbito.',
            scoped.organisationId
              ? 'You can only grant this role for organisations your country manages.'
              : 'You cannot grant this role in this scope.',
          ),
        );
      }
    }
    const alone = focalPointAlone(grants);
    if (alone) invalid.push(alone);
    if (invalid.length)
      throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: invalid });
    if (forbidden.length)
      throw new DomainError('GRANT_NOT_ALLOWED', 'forbidden', { fieldErrors: forbidden });
    return dedupe(resolved);
  }

  private async insertGrants(
    manager: EntityManager,
    userId: string,
    grants: RoleGrant[],
  ): Promise<void> {
    for (const grant of grants) {
      await manager.query(
        `INSERT INTO role_grants (user_id, role, consulate_id, country_code, organisation_id)
         VALUES ($1, $2, $3, $4, $5)`,
        [userId, grant.role, grant.consulateId, grant.countryCode, grant.organisationId],
      );
    }
  }

  private async issueActivation(
    manager: EntityManager,
    userId: string,
    purpose: 'activation' | 'password_reset',
  ): Promise<IssuedActivation> {
    await manager.query(
      `UPDATE activation_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
    const token = newSecret();
    const expiresAt = new Date(Date.now() + this.config.auth.activationTtlSeconds * 1000);
    await manager.query(
      `INSERT INTO activation_tokens (user_id, token_hash, purpose, expires_at) VALUES ($1, $2, $3, $4)`,
      [userId, sha256(token), purpose, expiresAt],
    );
    return { activationToken: token, activationExpiresAt: expiresAt };
  }
}

function dedupe(grants: RoleGrant[]): RoleGrant[] {
  const seen = new Map<string, RoleGrant>();
  for (const grant of grants) seen.set(grantKey(grant), grant);
  return [...seen.values()];
}
