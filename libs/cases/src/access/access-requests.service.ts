import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, registerErrorTexts } from '@amparo/core';
import { updateReturning } from '@amparo/database';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { CASE_COLUMNS, CaseRecord } from '../cases/case';
import { recordCaseEvent } from '../cases/case-audit';
import { CaseAccess } from './case-access';

registerErrorTexts({
  ACCESS_NOT_NEEDED: {
    title: { es: 'Acceso ya disponible', en: 'Access already available' },
    detail: { es: 'Usted ya puede leer este caso.', en: 'You can already read this case.' },
  },
  ACCESS_REQUEST_NOT_FOUND: {
    title: { es: 'Solicitud no encontrada', en: 'Request not found' },
    detail: {
      es: 'No existe ninguna solicitud de acceso con ese identificador.',
      en: 'No access request has that id.',
    },
  },
  ACCESS_REQUEST_REVIEWED: {
    title: { es: 'Solicitud ya revisada', en: 'Request already reviewed' },
    detail: {
      es: 'Esta solicitud de acceso ya fue revisada.',
      en: 'This access request was already reviewed.',
    },
  },
});

/** How long break-the-glass access lasts. */
export const BREAK_GLASS_HOURS = 2;

export interface AccessRequest {
  id: string;
  caseId: string;
  caseReference: string;
  consulateId: string;
  userId: string;
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewOutcome: 'justified' | 'unjustified' | null;
  reviewNote: string | null;
}

const COLUMNS = `
  r.id, r.case_id AS "caseId", c.reference AS "caseReference", c.consulate_id AS "consulateId", r.user_id AS "userId",
  r.reason, r.granted_at AS "grantedAt", r.expires_at AS "expiresAt", r.reviewed_by AS "reviewedBy",
  r.reviewed_at AS "reviewedAt", r.review_outcome AS "reviewOutcome", r.review_note AS "reviewNote"`;

/**
 * Break-the-glass: someone in scope of a restricted case who is not its officer or consul opens it for
 * two hours by giving a written reason; every use is audited and the post's consul reviews it.
 */
@Injectable()
export class AccessRequestsService {
  constructor(
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async request(caller: Caller, caseId: string, reason: string): Promise<AccessRequest> {
    const [found, granted] = await this.access.read(caller, async (m) => {
      const found = await this.caseInScope(caller, caseId, m);
      return [found, await this.hasActiveGrant(caller.userId, caseId, m)] as const;
    });
    if (this.access.seesRestrictedContent(caller, found) || granted) {
      throw new DomainError('ACCESS_NOT_NEEDED', 'conflict');
    }
    return this.access.write(caller, async (manager) => {
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO case_access_requests (case_id, user_id, reason, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING id`,
        [caseId, caller.userId, reason.trim(), BREAK_GLASS_HOURS],
      );
      await recordCaseEvent(
        this.audit,
        {
          action: 'case.break_glass',
          caller,
          caseId: found.id,
          consulateId: found.consulateId,
          countryCode: found.countryCode,
          details: {
            accessRequestId: id,
            hours: BREAK_GLASS_HOURS,
          },
        },
        manager,
      );
      return (await this.find(id, manager))!;
    });
  }

  /** An unexpired break-the-glass grant of this user on this case. */
  async hasActiveGrant(userId: string, caseId: string, manager: EntityManager): Promise<boolean> {
    const [row] = await manager.query<unknown[]>(
      'SELECT 1 FROM case_access_requests WHERE case_id = $1 AND user_id = $2 AND expires_at > now() LIMIT 1',
      [caseId, userId],
    );
    return row !== undefined;
  }

  /** The review list of a consul: requests on cases of their posts. */
  async list(caller: Caller, status: 'unreviewed' | 'reviewed' | 'all'): Promise<AccessRequest[]> {
    const posts = this.access.consulPosts(caller);
    const reviewed =
      status === 'all'
        ? ''
        : status === 'unreviewed'
          ? 'AND r.reviewed_at IS NULL'
          : 'AND r.reviewed_at IS NOT NULL';
    return this.access.read(caller, (m) =>
      m.query(
        `SELECT ${COLUMNS} FROM case_access_requests r JOIN cases c ON c.id = r.case_id
          WHERE c.consulate_id = ANY($1::uuid[]) ${reviewed} ORDER BY r.granted_at DESC, r.id LIMIT 500`,
        [posts],
      ),
    );
  }

  async review(
    caller: Caller,
    id: string,
    outcome: 'justified' | 'unjustified',
    note?: string,
  ): Promise<AccessRequest> {
    const existing = isUUID(id) ? await this.access.read(caller, (m) => this.find(id, m)) : null;
    if (!existing || !this.access.consulPosts(caller).includes(existing.consulateId)) {
      throw new DomainError('ACCESS_REQUEST_NOT_FOUND', 'not_found');
    }
    return this.access.write(caller, async (manager) => {
      const updated = await updateReturning(
        manager,
        `UPDATE case_access_requests SET reviewed_by = $2, reviewed_at = now(), review_outcome = $3, review_note = $4
          WHERE id = $1 AND reviewed_at IS NULL RETURNING id`,
        [id, caller.userId, outcome, note ?? null],
      );
      if (!updated.length) throw new DomainError('ACCESS_REQUEST_REVIEWED', 'conflict');
      const [found] = await manager.query<CaseRecord[]>(
        `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1`,
        [existing.caseId],
      );
      await recordCaseEvent(
        this.audit,
        {
          action: 'case.break_glass.review',
          caller,
          caseId: found.id,
          consulateId: found.consulateId,
          countryCode: found.countryCode,
          details: {
            accessRequestId: id,
            outcome,
          },
        },
        manager,
      );
      return (await this.find(id, manager))!;
    });
  }

  private async caseInScope(
    caller: Caller,
    caseId: string,
    manager: EntityManager,
  ): Promise<CaseRecord> {
    const [found] = isUUID(caseId)
      ? await manager.query<CaseRecord[]>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1`, [
          caseId,
        ])
      : [];
    if (!found || !this.access.inScope(caller, found))
      throw new DomainError('CASE_NOT_FOUND', 'not_found');
    return found;
  }

  private async find(id: string, manager: EntityManager): Promise<AccessRequest | null> {
    const [row] = await manager.query<AccessRequest[]>(
      `SELECT ${COLUMNS} FROM case_access_requests r JOIN cases c ON c.id = r.case_id WHERE r.id = $1`,
      [id],
    );
    return row ?? null;
  }
}
