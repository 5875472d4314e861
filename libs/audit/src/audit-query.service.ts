import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PAGE_SIZE, Page, decodeCursor, toPage } from '@amparo/core';
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
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (!scope.all) add('country_code = ANY(?)', scope.countryCodes);
    if (filters.actorUserId) add('actor_user_id = ?', filters.actorUserId);
    if (filters.action) add('action = ?', filters.action);
    if (filters.resourceType) add('resource_type = ?', filters.resourceType);
    if (filters.resourceId) add('resource_id = ?', filters.resourceId);
    if (filters.from) add('occurred_at >= ?', filters.from);
    if (filters.to) add('occurred_at < ?', filters.to);
    if (filters.cursor) add('seq < ?', String(decodeCursor(filters.cursor, 1)[0]));
    params.push(limit + 1);
    const rows = await this.dataSource.query<AuditEvent[]>(
      `SELECT seq::text AS "seq", id, occurred_at AS "occurredAt", actor_user_id AS "actorUserId",
              actor_roles AS "actorRoles", consulate_id AS "consulateId", country_code AS "countryCode",
              action, resource_type AS "resourceType", resource_id AS "resourceId", outcome,
              request_id AS "requestId", host(ip) AS "ip", details, hash
         FROM audit_events
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY seq DESC
        LIMIT $${params.length}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (e) => [e.seq],
      (e) => e,
    );
  }
}
