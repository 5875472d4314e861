import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DataSource } from 'typeorm';
import { Caller } from '../access/caller';
import { recordCallerEvent } from '../access/caller-audit';

/** What signed-in users change on their own account, without an administrator. */
@Injectable()
export class OwnAccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The language the registry speaks to them in: the web app and their emails follow it. */
  async setLocale(caller: Caller, locale: 'es' | 'en'): Promise<Caller> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE users SET locale = $2, updated_at = now() WHERE id = $1', [
        caller.userId,
        locale,
      ]);
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'account.locale.change',
          resourceType: 'user',
          resourceId: caller.userId,
          countryCode: caller.countryCode,
          details: { from: caller.locale, to: locale },
        },
        manager,
      );
    });
    return { ...caller, locale };
  }
}
