import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { DataSource } from 'typeorm';
import { Caller } from '../access/caller';
import { SessionTokens } from '../sessions/session-tokens';
import { SessionsService } from '../sessions/sessions.service';
import { LoginThrottle, mfaKey } from '../throttle/login-throttle';
import { UserRecords } from '../users/user-records';
import { UserWithGrants } from '../users/user-row';
import './mfa-errors';
import { ownAccountEvent } from '../access/caller-audit';
import { RecoveryCodes } from './recovery-codes';
import { MFA_FAILURE_LIMIT, TotpService } from './totp.service';

export interface MfaStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

export type RecoverySession = SessionTokens & { recoveryCodesLeft: number };

/**
 * The way back in without the authenticator: one-time recovery codes in place of a TOTP code at
 * sign-in, how many are left, and a new set (which needs a current TOTP code).
 */
@Injectable()
export class MfaRecoveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRecords,
    private readonly codes: RecoveryCodes,
    private readonly totp: TotpService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async status(caller: Caller): Promise<MfaStatus> {
    const user = (await this.users.byId(caller.userId))!;
    return {
      enabled: user.mfaEnabledAt !== null,
      enabledAt: user.mfaEnabledAt,
      recoveryCodesLeft: user.mfaEnabledAt ? await this.codes.remaining(user.id) : 0,
    };
  }

  /** Replaces every code (used or not) with a new set, shown once. */
  async regenerate(caller: Caller, code: string): Promise<string[]> {
    const user = (await this.users.byId(caller.userId))!;
    const action = 'auth.mfa.recovery_codes.regenerate';
    if (!user.mfaEnabledAt) throw new DomainError('MFA_NOT_ENABLED', 'conflict');
    try {
      await this.totp.consume(user, code);
    } catch (error) {
      await this.audit.record(ownAccountEvent(user, action, 'failure'));
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      const issued = await this.codes.issue(user.id, manager);
      await this.audit.record(
        ownAccountEvent(user, action, 'success', {
          recoveryCodesIssued: issued.codes.length,
          recoveryCodesVoided: issued.voided,
        }),
        manager,
      );
      return issued.codes;
    });
  }

  /**
   * The second step of signing in with a recovery code. Failures count towards the same lock as
   * wrong TOTP codes, and are counted outside the transaction so that its rollback keeps them.
   */
  async signIn(user: UserWithGrants, recoveryCode: string): Promise<RecoverySession> {
    const action = 'auth.mfa.recovery_code.use';
    const key = mfaKey(user.id);
    try {
      await this.throttle.assertOpen([key]);
    } catch (error) {
      await this.audit.record(ownAccountEvent(user, action, 'failure'));
      throw error;
    }
    const session = await this.dataSource.transaction(async (manager) => {
      const left = await this.codes.redeem(user.id, recoveryCode, manager);
      if (left === null) return null;
      await this.audit.record(
        ownAccountEvent(user, action, 'success', { recoveryCodesLeft: left }),
        manager,
      );
      const tokens = await this.sessions.open(user, manager, { mfaVerified: true });
      return { ...tokens, recoveryCodesLeft: left };
    });
    if (!session) {
      await this.throttle.recordFailure(key, MFA_FAILURE_LIMIT);
      await this.audit.record(ownAccountEvent(user, action, 'failure'));
      throw new DomainError('MFA_RECOVERY_CODE_INVALID', 'unauthenticated');
    }
    await this.throttle.clear(key);
    return session;
  }
}
