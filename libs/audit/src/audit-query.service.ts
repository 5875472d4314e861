import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, Page, decodeCursor, invalidCursor, toPage } from '@amparo/core';
import { SqlConditions } from '@amparo/database';
import { DataSource } from 'typeorm';
import { AuditEvent } from './audit-event';

export interface AuditEventFilters {
  actorUserId?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit?: number;
}

/** Countries whose events the reader may see, or every event (system_admin). */
export type AuditScope = { all: true } | { all: false; countryCodes: string[] };

/** Reads the audit log, newest first, within the reader's scope. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(scope: AuditScope, filters: AuditEventFilters): Promise<Page<AuditEvent>> {
    const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
    const where = new SqlConditions()
      .addIf(filters.actorUserId, 'actor_user_id = ?')
      .addIf(filters.action, 'action = ?')
      .addIf(filters.resourceType, 'resource_type = ?')
      .addIf(filters.resourceId, 'resource_id = ?')
      .addIf(filters.from, 'occurred_at >= ?')
      .addIf(filters.to, 'occurred_at < ?');
    if (!scope.all) where.add('country_code = ANY(?)', scope.countryCodes);
    if (filters.cursor) {
      const [seq] = decodeCursor(filters.cursor, 1);
      if (!/^\d{1,18}$/.test(String(seq))) throw invalidCursor();
      where.add('seq < ?', String(seq));
    }
    // ORDER BY names the table: a bare "seq" would sort by the text output column ("9" > "10").
    const rows = await this.dataSource.query<AuditEvent[]>(
      `SELECT seq::text AS "seq", id, occurred_at AS "occurredAt", actor_user_id AS "actorUserId",
              actor_roles AS "actorRoles", consulate_id AS "consulateId", country_code AS "countryCode",
              action, resource_type AS "resourceType", resource_id AS "resourceId", outcome,
              request_id AS "requestId", host(ip) AS "ip", details,
              (SELECT s.hash FROM audit_seals s WHERE s.seq = audit_events.seq) AS hash
         FROM audit_events
        ${where.where}
        ORDER BY audit_events.seq DESC
        LIMIT ${where.param(limit + 1)}`,
      where.params,
    );
    return toPage(
      rows,
      limit,
      (e) => [e.seq],
      (e) => e,
    );
  }
}
