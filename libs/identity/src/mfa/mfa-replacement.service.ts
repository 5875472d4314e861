import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { APP_CONFIG, AppConfig, DomainError } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { DataSource } from 'typeorm';
import { Caller } from '../access/caller';
import { wrongCurrentPassword } from '../auth/auth-errors';
import { verifyPassword } from '../passwords/password-hasher';
import { SessionTokens } from '../sessions/session-tokens';
import { SessionsService } from '../sessions/sessions.service';
import { LoginThrottle, accountKey } from '../throttle/login-throttle';
import { UserRecords } from '../users/user-records';
import { UserWithGrants } from '../users/user-row';
import './mfa-errors';
import { ownAccountEvent } from '../access/caller-audit';
import { RecoveryCodes } from './recovery-codes';
import { MfaEnrolment, TotpService } from './totp.service';

/**
 * How long after a sign-in that proved a second factor the authenticator may be replaced, and how
 * long a started replacement waits for its confirmation.
 */
export const MFA_REPLACEMENT_WINDOW_MINUTES = 10;

export type MfaReplacementStarted = MfaEnrolment & { expiresAt: Date };
export type MfaReplaced = SessionTokens & { recoveryCodes: string[] };

const START = 'auth.mfa.replace.start';
const CONFIRM = 'auth.mfa.replace.confirm';

/**
 * Moving TOTP to a new authenticator (a lost or changed phone) without an administrator. Taking
 * over the second factor is as good as taking the account, so starting needs the current password
 * in a session whose sign-in proved a second factor (TOTP or a recovery code) in the last minutes;
 * the new secret replaces the old only once a code from the new authenticator confirms it, in the
 * same session. Then the recovery codes are replaced and every session ends but a new one.
 */
@Injectable()
export class MfaReplacementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRecords,
    private readonly sessions: SessionsService,
    private readonly totp: TotpService,
    private readonly codes: RecoveryCodes,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async start(caller: Caller, currentPassword: string): Promise<MfaReplacementStarted> {
    const user = await this.userWithMfa(caller);
    if (
      !(await this.sessions.mfaVerifiedWithin(caller.sessionId, MFA_REPLACEMENT_WINDOW_MINUTES))
    ) {
      await this.audit.record(
        ownAccountEvent(user, START, 'denied', { reason: 'reauthentication_required' }),
      );
      throw new DomainError('MFA_REAUTHENTICATION_REQUIRED', 'forbidden');
    }
    await this.checkPassword(user, currentPassword);
    const { sealed, ...enrolment } = this.totp.newSecret(user);
    const [{ startedAt }] = await this.dataSource.transaction(async (manager) => {
      // One pending replacement per user: starting again (from any session) supersedes it.
      const started = await manager.query<{ startedAt: Date }[]>(
        `INSERT INTO mfa_replacements (user_id, session_id, secret) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE
           SET session_id = EXCLUDED.session_id, secret = EXCLUDED.secret, started_at = now()
         RETURNING started_at AS "startedAt"`,
        [user.id, caller.sessionId, sealed],
      );
      await this.audit.record(ownAccountEvent(user, START, 'success'), manager);
      return started;
    });
    return { ...enrolment, expiresAt: new Date(startedAt.getTime() + windowMs()) };
  }

  async confirm(caller: Caller, code: string): Promise<MfaReplaced> {
    const user = await this.userWithMfa(caller);
    const [pending] = await this.dataSource.query<{ secret: string }[]>(
      `SELECT secret FROM mfa_replacements
        WHERE user_id = $1 AND session_id = $2 AND started_at > now() - make_interval(mins => $3)`,
      [user.id, caller.sessionId, MFA_REPLACEMENT_WINDOW_MINUTES],
    );
    if (!pending) {
      await this.audit.record(ownAccountEvent(user, CONFIRM, 'failure', { reason: 'not_started' }));
      throw new DomainError('MFA_REPLACEMENT_NOT_STARTED', 'conflict');
    }
    let step: number;
    try {
      step = await this.totp.verifyCandidate(user, pending.secret, code);
    } catch (error) {
      await this.audit.record(ownAccountEvent(user, CONFIRM, 'failure'));
      throw error;
    }
    return this.dataSource.transaction(async (manager) => {
      // The user's row first, as an admin's MFA reset takes it (which also drops the replacement).
      await this.users.lockedById(user.id, manager);
      // Atomic: of two confirmations racing, one takes the pending secret, the other finds none.
      const taken = await updateReturning(
        manager,
        'DELETE FROM mfa_replacements WHERE user_id = $1 AND session_id = $2 AND secret = $3 RETURNING user_id',
        [user.id, caller.sessionId, pending.secret],
      );
      if (taken.length === 0) throw new DomainError('MFA_REPLACEMENT_NOT_STARTED', 'conflict');
      // The matched step is stored with the secret, so the confirming code cannot sign in again.
      await manager.query(
        `UPDATE users SET mfa_secret = $2, mfa_last_time_step = $3, updated_at = now()
          WHERE id = $1`,
        [user.id, pending.secret, step],
      );
      const issued = await this.codes.issue(user.id, manager);
      await this.users.endAllSessions(user.id, manager);
      await this.audit.record(
        ownAccountEvent(user, CONFIRM, 'success', {
          recoveryCodesIssued: issued.codes.length,
          recoveryCodesVoided: issued.voided,
          sessionsEnded: true,
        }),
        manager,
      );
      const renewed = (await this.users.byId(user.id, manager))!;
      const tokens = await this.sessions.open(renewed, manager, { mfaVerified: true });
      return { ...tokens, recoveryCodes: issued.codes };
    });
  }

  private async userWithMfa(caller: Caller): Promise<UserWithGrants> {
    const user = (await this.users.byId(caller.userId))!;
    if (!user.mfaEnabledAt) throw new DomainError('MFA_NOT_ENABLED', 'conflict');
    return user;
  }

  /** Wrong passwords count towards the same lock as failed sign-ins of the account. */
  private async checkPassword(user: UserWithGrants, password: string): Promise<void> {
    const key = accountKey(user.email);
    try {
      await this.throttle.assertOpen([key]);
    } catch (error) {
      await this.audit.record(ownAccountEvent(user, START, 'denied', { reason: 'throttled' }));
      throw error;
    }
    if (user.passwordHash && (await verifyPassword(user.passwordHash, password))) {
      await this.throttle.clear(key);
      return;
    }
    await this.throttle.recordFailure(key, this.config.auth.maxFailuresPerAccount);
    await this.audit.record(
      ownAccountEvent(user, START, 'failure', { reason: 'wrong_current_password' }),
    );
    throw wrongCurrentPassword();
  }
}

const windowMs = () => MFA_REPLACEMENT_WINDOW_MINUTES * 60_000;
