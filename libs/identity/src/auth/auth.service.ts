import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { APP_CONFIG, AppConfig, DomainError } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { DataSource } from 'typeorm';
import { Caller } from '../access/caller';
import { actorOf, ownAccountEvent } from '../access/caller-audit';
import { MFA_REQUIRED_ROLES } from '../access/roles';
import { MfaRecoveryService, RecoverySession } from '../mfa/mfa-recovery.service';
import { RecoveryCodes } from '../mfa/recovery-codes';
import { MfaEnrolment, TotpService } from '../mfa/totp.service';
import {
  dummyPasswordHash,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../passwords/password-hasher';
import { assertAcceptablePassword } from '../passwords/password-policy';
import { SessionTokens } from '../sessions/session-tokens';
import { SessionsService } from '../sessions/sessions.service';
import { LoginThrottle, accountKey, ipKey } from '../throttle/login-throttle';
import { CHALLENGE_TTL_SECONDS, ChallengeClaims } from '../tokens/token-claims';
import { TokenSigner } from '../tokens/token-signer';
import { sha256 } from '../tokens/opaque-token';
import { UserRecords } from '../users/user-records';
import { UserWithGrants } from '../users/user-row';
import { wrongCurrentPassword } from './auth-errors';
import { LoginResult } from './login-result';

/** Who is enrolling a second factor: a signed-in user, or one half-way through signing in. */
export type MfaSubject = { caller: Caller } | { challenge: ChallengeClaims };

/** What proves the second factor at sign-in: a TOTP code, or one of the recovery codes. */
export type MfaProof = { code: string } | { recoveryCode: string };

/** Enrolment confirmed: the recovery codes, shown this once, and the session of a sign-in. */
export type MfaConfirmation = (SessionTokens | { mfaEnabled: true }) & { recoveryCodes: string[] };

/** Signing in and everything about one's own credentials. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRecords,
    private readonly sessions: SessionsService,
    private readonly signer: TokenSigner,
    private readonly totp: TotpService,
    private readonly recoveryCodes: RecoveryCodes,
    private readonly mfaRecovery: MfaRecoveryService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks email and password. Unknown email, wrong password, disabled or not yet activated account
   * all get the same error after the same kind of work (one argon2 verification).
   */
  async verifyCredentials(
    email: string,
    password: string,
    ip: string | undefined,
  ): Promise<UserWithGrants> {
    const keys = [accountKey(email), ipKey(ip)];
    try {
      await this.throttle.assertOpen(keys);
    } catch (error) {
      await this.audit.record({
        action: 'auth.login',
        outcome: 'denied',
        details: { reason: 'throttled' },
      });
      throw error;
    }
    const user = await this.users.byEmail(email.trim());
    const usable = user?.status === 'active' && user.passwordHash !== null;
    const matches = await verifyPassword(
      usable ? user.passwordHash! : await dummyPasswordHash(),
      password,
    );
    if (!usable || !matches) {
      await this.throttle.recordFailure(keys[0], this.config.auth.maxFailuresPerAccount);
      await this.throttle.recordFailure(keys[1], this.config.auth.maxFailuresPerIp);
      await this.audit.record({
        action: 'auth.login',
        outcome: 'failure',
        resourceType: user ? 'user' : undefined,
        resourceId: user?.id,
        countryCode: user?.countryCode,
        details: { reason: 'invalid_credentials' },
      });
      throw new DomainError('INVALID_CREDENTIALS', 'unauthenticated');
    }
    await this.throttle.clear(keys[0]);
    if (needsRehash(user.passwordHash!)) {
      await this.dataSource.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
        user.id,
        await hashPassword(password),
      ]);
    }
    return (await this.users.byId(user.id))!;
  }

  /** After the password: tokens, or the second-factor step the account needs. */
  async startSession(user: UserWithGrants): Promise<LoginResult> {
    const mfaMandatory =
      user.mfaResetAt !== null || user.grants.some((g) => MFA_REQUIRED_ROLES.includes(g.role));
    const secondFactor = user.mfaEnabledAt
      ? 'required'
      : mfaMandatory
        ? 'enrolment_required'
        : 'not_required';
    return this.dataSource.transaction(async (manager) => {
      await this.audit.record(
        ownAccountEvent(user, 'auth.login', 'success', { secondFactor }),
        manager,
      );
      if (secondFactor === 'not_required') return this.sessions.open(user, manager);
      const typ = secondFactor === 'required' ? 'mfa_verify' : 'mfa_enrol';
      return {
        ...(typ === 'mfa_verify'
          ? { mfaRequired: true as const }
          : { mfaEnrolmentRequired: true as const }),
        challengeType: typ,
        challengeToken: this.signer.signChallenge({ typ, sub: user.id, ver: user.tokenVersion }),
        expiresIn: CHALLENGE_TTL_SECONDS,
      };
    });
  }

  async verifyMfa(
    challengeToken: string,
    proof: MfaProof,
  ): Promise<SessionTokens | RecoverySession> {
    const user = await this.userOfChallenge(
      this.signer.verifyChallenge(challengeToken, 'mfa_verify'),
    );
    if ('recoveryCode' in proof) return this.mfaRecovery.signIn(user, proof.recoveryCode);
    await this.consumeAudited(user, proof.code, 'auth.mfa.verify');
    return this.dataSource.transaction(async (manager) => {
      await this.audit.record(ownAccountEvent(user, 'auth.mfa.verify', 'success'), manager);
      return this.sessions.open(user, manager, { mfaVerified: true });
    });
  }

  async enrolMfa(subject: MfaSubject): Promise<MfaEnrolment> {
    const user = await this.userOfSubject(subject);
    return this.dataSource.transaction(async (manager) => {
      const enrolment = await this.totp.enrol(user, manager);
      await this.audit.record(ownAccountEvent(user, 'auth.mfa.enrol', 'success'), manager);
      return enrolment;
    });
  }

  /**
   * Turns MFA on and issues the recovery codes; one who enrolled while signing in gets their session
   * now. Ends the re-enrolment an administrator's reset asked for.
   */
  async confirmMfa(subject: MfaSubject, code: string): Promise<MfaConfirmation> {
    const user = await this.userOfSubject(subject);
    if (user.mfaEnabledAt) throw new DomainError('MFA_ALREADY_ENABLED', 'conflict');
    await this.consumeAudited(user, code, 'auth.mfa.confirm');
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        'UPDATE users SET mfa_enabled_at = now(), mfa_reset_at = NULL, updated_at = now() WHERE id = $1',
        [user.id],
      );
      const { codes } = await this.recoveryCodes.issue(user.id, manager);
      await this.audit.record(
        ownAccountEvent(user, 'auth.mfa.confirm', 'success', {
          recoveryCodesIssued: codes.length,
        }),
        manager,
      );
      const done =
        'challenge' in subject
          ? await this.sessions.open(user, manager, { mfaVerified: true })
          : { mfaEnabled: true as const };
      return { ...done, recoveryCodes: codes };
    });
  }

  refresh(refreshToken: string | undefined): Promise<SessionTokens> {
    return this.sessions.refresh(refreshToken);
  }

  async logout(caller: Caller): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revokeFamily(caller.sessionId, manager);
      await this.audit.record(
        {
          action: 'auth.logout',
          outcome: 'success',
          actor: actorOf(caller),
          resourceType: 'user',
          resourceId: caller.userId,
          countryCode: caller.countryCode,
        },
        manager,
      );
    });
  }

  /**
   * Signing out with the refresh token alone (a browser whose access token is gone). A token that
   * names no session has nothing left to end: not an error, so a sign-out always succeeds.
   */
  async logoutWithRefreshToken(refreshToken: string): Promise<void> {
    const session = await this.sessions.sessionOf(refreshToken);
    const user = session && (await this.users.byId(session.userId));
    if (!session || !user) return;
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revokeFamily(session.familyId, manager);
      await this.audit.record(
        ownAccountEvent(user, 'auth.logout', 'success', { proof: 'refresh_token' }),
        manager,
      );
    });
  }

  /** Sets the first password (activation) or a new one after an admin's reset. */
  async activate(token: string, password: string): Promise<void> {
    assertAcceptablePassword(password);
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      const [used] = await updateReturning<{ userId: string; purpose: string }>(
        manager,
        `UPDATE activation_tokens SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id AS "userId", purpose`,
        [sha256(token)],
      );
      const user = used ? await this.users.byId(used.userId, manager) : null;
      if (!used || !user || user.status !== 'active')
        throw new DomainError('INVALID_ACTIVATION_TOKEN', 'invalid');
      await this.users.setPassword(user.id, passwordHash, manager);
      await this.audit.record(
        ownAccountEvent(user, 'auth.activate', 'success', { purpose: used.purpose }),
        manager,
      );
    });
  }

  /** Needs the current password; ends every other session and returns a fresh one. */
  async changePassword(
    caller: Caller,
    currentPassword: string,
    newPassword: string,
  ): Promise<SessionTokens> {
    const user = (await this.users.byId(caller.userId))!;
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.audit.record(
        ownAccountEvent(user, 'auth.password.change', 'failure', {
          reason: 'wrong_current_password',
        }),
      );
      throw wrongCurrentPassword();
    }
    assertAcceptablePassword(newPassword, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (manager) => {
      await this.users.setPassword(user.id, passwordHash, manager);
      await this.audit.record(ownAccountEvent(user, 'auth.password.change', 'success'), manager);
      return this.sessions.open({ id: user.id, tokenVersion: user.tokenVersion + 1 }, manager);
    });
  }

  private async consumeAudited(user: UserWithGrants, code: string, action: string): Promise<void> {
    try {
      await this.totp.consume(user, code);
    } catch (error) {
      await this.audit.record(ownAccountEvent(user, action, 'failure'));
      throw error;
    }
  }

  private async userOfSubject(subject: MfaSubject): Promise<UserWithGrants> {
    if ('challenge' in subject) return this.userOfChallenge(subject.challenge);
    return (await this.users.byId(subject.caller.userId))!;
  }

  /** A challenge is void once the user is disabled or their credentials changed. */
  private async userOfChallenge(claims: ChallengeClaims): Promise<UserWithGrants> {
    const user = await this.users.byId(claims.sub);
    if (!user || user.status !== 'active' || user.tokenVersion !== claims.ver) {
      throw new DomainError('INVALID_CHALLENGE', 'unauthenticated');
    }
    return user;
  }
}
