import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentRequestContext } from '@amparo/core';
import { queueAfterReadOnlyCommit } from '@amparo/database';
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
 * change it records (or, for a read-only walled transaction, is written right after its COMMIT and
 * not at all if it rolls back); the request id and client IP come from the request being served.
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
    // A read's event, given the read's own (read-only) transaction: written on its connection
    // right after its COMMIT, in the same round trip.
    if (queueAfterReadOnlyCommit(manager, sql, parameters)) return;
    await manager.query(sql, parameters);
  }
}
