import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { updateReturning } from '@amparo/database';
import { DataSource, EntityManager } from 'typeorm';
import { AUTH_SECRETS, AuthSecrets } from '../tokens/auth-secrets';
import {
  canonicalRecoveryCode,
  newRecoveryCodes,
  recoveryCodeHash,
  recoveryCodeKey,
} from './recovery-code';

/** The stored recovery codes of users: keyed hashes only, each spent at most once. */
@Injectable()
export class RecoveryCodes {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUTH_SECRETS) secrets: AuthSecrets,
  ) {
    this.key = recoveryCodeKey(secrets.mfaEncryptionKey);
  }

  /** A new set in place of any old one; the codes are returned to be shown once. */
  async issue(
    userId: string,
    manager: EntityManager,
  ): Promise<{ codes: string[]; voided: number }> {
    const voided = await this.revokeAll(userId, manager);
    const codes = newRecoveryCodes();
    const hashes = codes.map((code) =>
      recoveryCodeHash(this.key, userId, canonicalRecoveryCode(code)!),
    );
    await manager.query(
      'INSERT INTO mfa_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])',
      [userId, hashes],
    );
    return { codes, voided };
  }

  /**
   * Spends the code if it is one of the user's unused ones, and tells how many are left (null: no
   * such code). Of two transactions spending the same code, the second waits for the first and
   * then finds it used.
   */
  async redeem(userId: string, typed: string, manager: EntityManager): Promise<number | null> {
    const canonical = canonicalRecoveryCode(typed);
    if (!canonical) return null;
    const spent = await updateReturning(
      manager,
      `UPDATE mfa_recovery_codes SET used_at = now()
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
      [userId, recoveryCodeHash(this.key, userId, canonical)],
    );
    return spent.length === 1 ? this.remaining(userId, manager) : null;
  }

  async remaining(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const [{ count }] = await manager.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
      [userId],
    );
    return count;
  }

  /** Removes every code of the user; returns how many were still unused. */
  async revokeAll(userId: string, manager: EntityManager): Promise<number> {
    const removed = await updateReturning<{ unused: boolean }>(
      manager,
      'DELETE FROM mfa_recovery_codes WHERE user_id = $1 RETURNING used_at IS NULL AS unused',
      [userId],
    );
    return removed.filter((r) => r.unused).length;
  }
}
