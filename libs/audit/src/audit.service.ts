import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentRequestContext } from '@amparo/core';
import { queueWithCommit } from '@amparo/database';
import { DataSource, EntityManager } from 'typeorm';
import { AuditOutcome } from './audit-event';

export interface AuditActor {
  userId: string;
  roles: string[];
}

export interface AuditRecord {
  action: string;
  outcome: AuditOutcome;
  actor?: AuditActor | null;
  resourceType?: string;
  resourceId?: string;
  consulateId?: string | null;
  countryCode?: string | null;
  /** Codes, counts and filters only: never a personal data value (name, document, address). */
  details?: Record<string, unknown>;
}

/**
 * Writes audit events. Pass the transaction's manager so the event commits or rolls back with the
 * change it records (sent with its COMMIT where the transaction allows: `queueWithCommit`; a
 * read-only walled transaction's right after it, and not at all if it rolls back); the request id
 * and client IP come from the request being served.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(
    event: AuditRecord,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const context = currentRequestContext();
    const sql = `INSERT INTO audit_events
         (actor_user_id, actor_roles, consulate_id, country_code, action, resource_type, resource_id,
          outcome, request_id, ip, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
    const parameters = [
      event.actor?.userId ?? null,
      event.actor?.roles ?? [],
      event.consulateId ?? null,
      event.countryCode ?? null,
      event.action,
      event.resourceType ?? null,
      event.resourceId ?? null,
      event.outcome,
      context?.requestId ?? null,
      context?.ip ?? null,
      JSON.stringify(event.details ?? {}),
    ];
    // Given a transaction begun to send its COMMIT with other statements (any walled one): with
    // its COMMIT, in the same round trip; a read-only one's right after it (queueWithCommit).
    if (queueWithCommit(manager, sql, parameters)) return;
    await manager.query(sql, parameters);
  }
}
