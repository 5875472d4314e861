import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError, registerErrorTexts } from '@amparo/core';
import { generateSecret, generateURI, verify } from 'otplib';
import { updateReturning } from '@amparo/database';
import { DataSource, EntityManager } from 'typeorm';
import { AUTH_SECRETS, AuthSecrets } from '../tokens/auth-secrets';
import { LoginThrottle, mfaKey } from '../throttle/login-throttle';
import { UserRow } from '../users/user-row';
import { open, seal } from './secret-box';

registerErrorTexts({
  MFA_CODE_INVALID: {
    title: { es: 'Código no válido', en: 'Invalid code' },
    detail: {
      es: 'El código de verificación no es válido o ya se usó.',
      en: 'The verification code is invalid or was already used.',
    },
  },
  MFA_ALREADY_ENABLED: {
    title: { es: 'Verificación en dos pasos ya activa', en: 'Two-step verification already on' },
    detail: {
      es: 'Esta cuenta ya tiene la verificación en dos pasos activada.',
      en: 'This account already has two-step verification turned on.',
    },
  },
  MFA_NOT_ENROLLED: {
    title: { es: 'Inscripción pendiente', en: 'Enrolment pending' },
    detail: {
      es: 'Inicie la inscripción de la verificación en dos pasos antes de confirmarla.',
      en: 'Start two-step verification enrolment before confirming it.',
    },
  },
});

/** Wrong codes (TOTP or recovery, together) before the second step locks. */
export const MFA_FAILURE_LIMIT = 5;

export interface MfaEnrolment {
  secret: string;
  otpauthUri: string;
}

/** TOTP (RFC 6238, 30 s, 6 digits, ±1 step). A code's time step is used at most once per account. */
@Injectable()
export class TotpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUTH_SECRETS) private readonly secrets: AuthSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Starts (or restarts) enrolment: a new secret, not yet required at sign-in. */
  async enrol(user: UserRow, manager: EntityManager): Promise<MfaEnrolment> {
    if (user.mfaEnabledAt) throw new DomainError('MFA_ALREADY_ENABLED', 'conflict');
    const { sealed, ...enrolment } = this.newSecret(user);
    await manager.query(
      'UPDATE users SET mfa_secret = $2, mfa_last_time_step = NULL, updated_at = now() WHERE id = $1',
      [user.id, sealed],
    );
    return enrolment;
  }

  /** A new secret for the user's authenticator app, and the same sealed for storage. */
  newSecret(user: Pick<UserRow, 'email'>): MfaEnrolment & { sealed: string } {
    const secret = generateSecret();
    return {
      secret,
      sealed: seal(secret, this.secrets.mfaEncryptionKey),
      otpauthUri: generateURI({
        issuer: this.config.auth.issuer === 'amparo' ? 'Amparo' : this.config.auth.issuer,
        label: user.email,
        secret,
      }),
    };
  }

  /**
   * Accepts a code once: the step it matched is stored atomically, so the same code (or an older
   * one) fails afterwards, even when two requests race. Runs outside any transaction: a failure
   * must be counted even though the caller's work is refused.
   */
  async consume(user: UserRow, code: string): Promise<void> {
    if (!user.mfaSecret) throw new DomainError('MFA_NOT_ENROLLED', 'conflict');
    await this.throttle.assertOpen([mfaKey(user.id)]);
    const step = await this.matchingStep(user.mfaSecret, user.mfaLastTimeStep, code);
    const accepted =
      step !== undefined &&
      (
        await updateReturning(
          this.dataSource.manager,
          `UPDATE users SET mfa_last_time_step = $2 WHERE id = $1
             AND (mfa_last_time_step IS NULL OR mfa_last_time_step < $2) RETURNING id`,
          [user.id, step],
        )
      ).length === 1;
    if (!accepted) {
      await this.throttle.recordFailure(mfaKey(user.id), MFA_FAILURE_LIMIT);
      throw new DomainError('MFA_CODE_INVALID', 'unauthenticated');
    }
    await this.throttle.clear(mfaKey(user.id));
  }

  /**
   * Checks a code against a secret not yet in use (a replacement's), under the same lock as the
   * user's other codes; returns the time step it matched, for the caller to store with the secret.
   */
  async verifyCandidate(user: UserRow, sealedSecret: string, code: string): Promise<number> {
    await this.throttle.assertOpen([mfaKey(user.id)]);
    const step = await this.matchingStep(sealedSecret, null, code);
    if (step === undefined) {
      await this.throttle.recordFailure(mfaKey(user.id), MFA_FAILURE_LIMIT);
      throw new DomainError('MFA_CODE_INVALID', 'unauthenticated');
    }
    await this.throttle.clear(mfaKey(user.id));
    return step;
  }

  private async matchingStep(
    sealedSecret: string,
    lastTimeStep: string | null,
    code: string,
  ): Promise<number | undefined> {
    if (!/^\d{6}$/.test(code)) return undefined;
    const secret = open(sealedSecret, this.secrets.mfaEncryptionKey);
    const result = await verify({
      secret,
      token: code,
      epochTolerance: 30,
      afterTimeStep: lastTimeStep === null ? undefined : Number(lastTimeStep),
    });
    return result.valid ? (result as { timeStep: number }).timeStep : undefined;
  }
}
