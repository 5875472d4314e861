import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { DataSource } from 'typeorm';
import { Caller } from '../access/caller';
import { recordCallerEvent } from '../access/caller-audit';
import { ScopeService, inScope } from '../access/scope.service';
import '../mfa/mfa-errors';
import { RecoveryCodes } from '../mfa/recovery-codes';
import { LoginThrottle, mfaKey } from '../throttle/login-throttle';
import { mayAdminister } from './administrable';
import './user-admin-errors';
import { UserRecords } from './user-records';
import { UserWithGrants } from './user-row';

const ACTION = 'user.mfa_reset';

/**
 * An administrator's reset of a user's MFA, for one who lost the authenticator and the recovery
 * codes: the secret and codes go, every session ends, and the next sign-in enrols again. The reason
 * is kept in `mfa_resets` (free text stays out of the audit log, which links to it by id).
 */
@Injectable()
export class MfaResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRecords,
    private readonly scopes: ScopeService,
    private readonly recoveryCodes: RecoveryCodes,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async reset(caller: Caller, id: string, reason: string): Promise<UserWithGrants> {
    if (id === caller.userId) {
      await recordCallerEvent(this.audit, caller, {
        action: ACTION,
        outcome: 'denied',
        resourceType: 'user',
        resourceId: id,
        countryCode: caller.countryCode,
        details: {
          reason: 'CANNOT_RESET_OWN_MFA',
        },
      });
      throw new DomainError('CANNOT_RESET_OWN_MFA', 'forbidden');
    }
    const outcome = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockedById(id, manager);
      const scope = this.scopes.adminCountries(caller);
      if (!user || !inScope(scope, user.countryCode))
        throw new DomainError('USER_NOT_FOUND', 'not_found');
      if (!mayAdminister(scope, user)) return { user, allowed: false };
      // Atomic: of two resets racing, one does it and the other finds nothing to reset.
      const cleared = await updateReturning(
        manager,
        `UPDATE users SET mfa_secret = NULL, mfa_enabled_at = NULL, mfa_last_time_step = NULL,
                          mfa_reset_at = now(), updated_at = now()
          WHERE id = $1 AND mfa_enabled_at IS NOT NULL RETURNING id`,
        [id],
      );
      if (cleared.length === 0) throw new DomainError('MFA_NOT_ENABLED', 'conflict');
      const voided = await this.recoveryCodes.revokeAll(id, manager);
      // A replacement the user had started can no longer be confirmed (its session ends): drop its secret.
      await manager.query('DELETE FROM mfa_replacements WHERE user_id = $1', [id]);
      const [{ id: mfaResetId }] = await manager.query<{ id: string }[]>(
        'INSERT INTO mfa_resets (user_id, reset_by, reason) VALUES ($1, $2, $3) RETURNING id',
        [id, caller.userId, reason.trim()],
      );
      await this.users.endAllSessions(id, manager);
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: ACTION,
          outcome: 'success',
          resourceType: 'user',
          resourceId: id,
          countryCode: user.countryCode,
          details: {
            mfaResetId,
            recoveryCodesVoided: voided,
            sessionsEnded: true,
          },
        },
        manager,
      );
      return { user, allowed: true };
    });
    if (!outcome.allowed) {
      await recordCallerEvent(this.audit, caller, {
        action: ACTION,
        outcome: 'denied',
        resourceType: 'user',
        resourceId: id,
        countryCode: outcome.user.countryCode,
        details: {
          reason: 'MFA_RESET_NOT_ALLOWED',
        },
      });
      throw new DomainError('MFA_RESET_NOT_ALLOWED', 'forbidden');
    }
    // The user may have locked the second step with wrong codes: enrolment starts afresh.
    await this.throttle.clear(mfaKey(id));
    return (await this.users.byId(id))!;
  }
}
