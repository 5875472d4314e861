import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError } from '@amparo/core';
import { CaseLookup } from '@amparo/cases';
import { ConsulatesService } from '@amparo/directory';
import { Caller, ScopeService, recordCallerEvent } from '@amparo/identity';
import { EntityManager } from 'typeorm';
import {
  AssistancePost,
  AssistanceRequestRow,
  AssistanceRequestView,
  AssistanceSide,
} from './assistance-request';
import './assistance-errors';

type SideRole = 'officer' | 'consul' | 'supervisor';

/** A request the caller may see, and the sides of it they stand at. */
export interface VisibleRequest {
  row: AssistanceRequestRow;
  sides: AssistanceSide[];
}

/**
 * Where the caller stands on a request: the requesting side (the posts and country of the case it
 * came from) or the receiving side, and with which roles. Deciding who may do what, and what each
 * side may see of the other, happens here only.
 */
@Injectable()
export class AssistanceSides {
  constructor(
    private readonly cases: CaseLookup,
    private readonly scopes: ScopeService,
    private readonly consulates: ConsulatesService,
    private readonly audit: AuditService,
  ) {}

  posts(caller: Caller): string[] {
    return this.scopes.caseConsulates(caller);
  }

  countries(caller: Caller): string[] {
    return this.scopes.supervisedCountries(caller);
  }

  rolesAt(caller: Caller, row: AssistanceRequestRow, side: AssistanceSide): SideRole[] {
    const post = side === 'requesting' ? row.requestingConsulateId : row.receivingConsulateId;
    const country = side === 'requesting' ? row.requestingCountryCode : row.receivingCountryCode;
    return caller.grants.flatMap((g): SideRole[] => {
      if ((g.role === 'officer' || g.role === 'consul') && g.consulateId === post) return [g.role];
      if (g.role === 'supervisor' && g.countryCode === country) return ['supervisor'];
      return [];
    });
  }

  /**
   * The requests among `rows` the caller may see, with the sides they stand at: a side's posts and
   * country see a request, but once a side has its own case (the requesting case; the receiving case
   * after acceptance), only those who may read that case do, so that a restricted case's person is
   * not read through its request.
   */
  async visibleAmong(
    caller: Caller,
    m: EntityManager,
    rows: AssistanceRequestRow[],
  ): Promise<VisibleRequest[]> {
    const readable = await this.cases.readableIds(
      caller,
      rows.flatMap((r) => [r.requestingCaseId, ...(r.receivingCaseId ? [r.receivingCaseId] : [])]),
      m,
    );
    return rows.flatMap((row) => {
      const sides = (['requesting', 'receiving'] as const).filter((side) => {
        const own = side === 'requesting' ? row.requestingCaseId : row.receivingCaseId;
        return this.rolesAt(caller, row, side).length > 0 && (!own || readable.has(own));
      });
      return sides.length ? [{ row, sides }] : [];
    });
  }

  /** The request if the caller may see it; 404 otherwise (as for no request). */
  async visible(
    caller: Caller,
    m: EntityManager,
    row: AssistanceRequestRow | undefined,
  ): Promise<VisibleRequest> {
    const [found] = row ? await this.visibleAmong(caller, m, [row]) : [];
    if (!found) throw new DomainError('ASSISTANCE_REQUEST_NOT_FOUND', 'not_found');
    return found;
  }

  /** The caller must hold one of `roles` at `side`, else 403 (they see the request, it is not theirs to do). */
  assertRole(
    caller: Caller,
    { row, sides }: VisibleRequest,
    side: AssistanceSide,
    roles: SideRole[],
  ): void {
    if (
      !sides.includes(side) ||
      !this.rolesAt(caller, row, side).some((role) => roles.includes(role))
    )
      throw new DomainError('ASSISTANCE_WRONG_SIDE', 'forbidden');
  }

  /** An audit event of the caller's side of the request: ids and codes only. */
  record(
    caller: Caller,
    row: AssistanceRequestRow,
    side: AssistanceSide,
    action: string,
    details: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<void> {
    return recordCallerEvent(
      this.audit,
      caller,
      {
        action,
        resourceType: 'assistance_request',
        resourceId: row.id,
        consulateId: side === 'requesting' ? row.requestingConsulateId : row.receivingConsulateId,
        countryCode: side === 'requesting' ? row.requestingCountryCode : row.receivingCountryCode,
        details: { kind: row.kind, side, ...details },
      },
      manager,
    );
  }

  /** A list read: which requests it could name, never their content. */
  recordList(caller: Caller, details: Record<string, unknown>): Promise<void> {
    return recordCallerEvent(this.audit, caller, {
      action: 'assistance.read',
      resourceType: 'assistance_request',
      countryCode: caller.countryCode,
      details,
    });
  }

  /** What the caller's side may see of each request, with both posts named. */
  async views(visible: VisibleRequest[]): Promise<AssistanceRequestView[]> {
    const rows = visible.map((v) => v.row);
    const ids = [
      ...new Set(rows.flatMap((r) => [r.requestingConsulateId, r.receivingConsulateId])),
    ];
    const names = new Map(
      (ids.length ? await this.consulates.names({ countries: [], consulateIds: ids }) : []).map(
        (p): [string, AssistancePost] => [
          p.id,
          { id: p.id, name: p.name, countryCode: p.countryCode, postCode: p.postCode },
        ],
      ),
    );
    return visible.map(({ row, sides }) => {
      return {
        id: row.id,
        kind: row.kind,
        status: row.status,
        sides,
        requestingPost: names.get(row.requestingConsulateId)!,
        receivingPost: names.get(row.receivingConsulateId)!,
        reason: row.reason,
        reasonNote: row.reasonNote,
        fields: row.fields,
        payload: row.payload,
        requestingCaseId: sides.includes('requesting') ? row.requestingCaseId : null,
        receivingCaseId: sides.includes('receiving') ? row.receivingCaseId : null,
        overridden: row.overrideId !== null,
        requestedAt: row.requestedAt,
        decidedAt: row.decidedAt,
        rejectionReason: row.rejectionReason,
        revokedAt: row.revokedAt,
        revocationReason: row.revocationReason,
        completedAt: row.completedAt,
        purgedAt: row.purgedAt,
      };
    });
  }
}
