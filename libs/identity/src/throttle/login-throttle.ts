import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError, registerErrorTexts } from '@amparo/core';
import { DataSource } from 'typeorm';

registerErrorTexts({
  TOO_MANY_ATTEMPTS: {
    title: { es: 'Demasiados intentos', en: 'Too many attempts' },
    detail: {
      es: 'Demasiados intentos fallidos. Vuelva a intentarlo en {seconds} segundos.',
      en: 'Too many failed attempts. Try again in {seconds} seconds.',
    },
  },
});

/**
 * Counts failed sign-ins (and MFA codes) per key (an account, an IP) in PostgreSQL, so every API
 * process shares the count. A key reaching its limit within the window is locked for the window.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses (too many requests, retry after the lock) while any of the keys is locked. */
  async assertOpen(keys: string[]): Promise<void> {
    const [row] = await this.dataSource.query<{ seconds: number | null }[]>(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
         FROM login_throttles WHERE key = ANY($1) AND locked_until > now()`,
      [keys],
    );
    if (row?.seconds && row.seconds > 0) {
      throw new DomainError('TOO_MANY_ATTEMPTS', 'too_many_requests', {
        params: { seconds: row.seconds },
        retryAfterSeconds: row.seconds,
      });
    }
  }

  async recordFailure(key: string, limit: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_throttles AS t (key, failures, window_started_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN $2 <= 1 THEN now() + make_interval(secs => $3) END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN now() ELSE t.window_started_at END,
         locked_until = CASE
           WHEN (CASE WHEN t.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END) >= $2
           THEN now() + make_interval(secs => $3)
           ELSE t.locked_until END`,
      [key, limit, this.config.auth.lockoutSeconds],
    );
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttles WHERE key = $1', [key]);
  }
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string | undefined) => `ip:${ip ?? 'unknown'}`;
export const mfaKey = (userId: string) => `mfa:${userId}`;
