import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, FieldError, Page, resolveSort } from '@amparo/core';
import { SqlConditions, keysetPage } from '@amparo/database';
import { ConsulatesService, PostLocation } from '@amparo/directory';
import { Caller } from '@amparo/identity';
import { CaseAccess } from '../access/case-access';
import { CaseRecord } from '../cases/case';
import { recordCaseEvent } from '../cases/case-audit';
import { invalidFields } from '../cases/case-errors';
import { CaseLookup, findCase, lockCase } from '../cases/case-lookup';
import {
  CaseTransfer,
  CaseTransferRow,
  TRANSFER_COLUMNS,
  TransferFilters,
  TransferStatus,
  summaryOf,
} from './case-transfer';
import { recordTransferEvent } from './transfer-audit';
import { targetProblems } from './transfer-errors';
import { TransferLookup } from './transfer-lookup';
import { TransferParties } from './transfer-parties';
import {
  TRANSFER_SORT,
  decideTransfer,
  hasPendingTransfer,
  insertTransfer,
} from './transfer-store';
import { TransferViews } from './transfer-views';

export interface TransferProposal {
  toConsulateId: string;
  reason: string;
}

/**
 * Transfers of a case between posts of one country: proposing one, reading them, and the decisions
 * that move nothing (rejection, cancellation). Acceptance, which moves the case, is
 * TransferAcceptanceService's.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly transfers: TransferLookup,
    private readonly views: TransferViews,
    private readonly consulates: ConsulatesService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The staff of the case's post, or a supervisor of its country, who may read the case, proposes to
   * move it to another active post of the same country. One proposal per case at a time.
   */
  async propose(caller: Caller, caseId: string, input: TransferProposal): Promise<CaseTransfer> {
    // The directory first: with an Idempotency-Key, the case read below opens the request's one
    // transaction, and the embedded database has a single connection for it and any other query.
    // The case's post is among the caller's posts or in their supervised countries.
    const reach = this.transfers.reach(caller);
    const target = await this.consulates.locate(input.toConsulateId);
    const posts = await this.consulates.names({
      countries: [...reach.countries],
      consulateIds: [...reach.posts, input.toConsulateId],
    });
    const current = await this.access.read(caller, async (m) => {
      const found = await this.cases.readable(caller, caseId, m);
      return { found, pending: await hasPendingTransfer(m, caseId) };
    });
    const problem = targetProblem(current.found, target);
    if (problem) throw invalidFields([problem]);
    if (current.found.status === 'closed')
      throw new DomainError('TRANSFER_CASE_CLOSED', 'conflict');
    if (current.pending) throw new DomainError('TRANSFER_PENDING', 'conflict');
    const { row, locked } = await this.access.write(caller, async (m) => {
      // The case row is locked first, so two proposals for one case follow each other.
      const locked = await lockCase(m, caseId);
      if (!locked) throw new DomainError('CASE_NOT_FOUND', 'not_found');
      if (locked.status === 'closed') throw new DomainError('TRANSFER_CASE_CLOSED', 'conflict');
      if (await hasPendingTransfer(m, caseId))
        throw new DomainError('TRANSFER_PENDING', 'conflict');
      const row = await insertTransfer(m, {
        caseId,
        countryCode: locked.countryCode,
        caseReference: locked.reference,
        fromConsulateId: locked.consulateId,
        toConsulateId: input.toConsulateId,
        reason: input.reason.trim(),
        proposedBy: caller.userId,
      });
      await recordTransferEvent(this.audit, caller, 'propose', row, m);
      return { row, locked };
    });
    const name = (id: string) => posts.find((p) => p.id === id)?.name ?? null;
    const { caseSummary: _none, ...fields } = row;
    return {
      ...fields,
      case: summaryOf(locked),
      fromConsulateName: name(row.fromConsulateId),
      toConsulateName: name(row.toConsulateId),
      proposedByName: caller.displayName,
      decidedByName: null,
    };
  }

  /** The transfers the caller takes part in, newest first, with an audit event for the read. */
  async list(caller: Caller, filters: TransferFilters): Promise<Page<CaseTransfer>> {
    const direction = filters.direction ?? 'all';
    const where = new SqlConditions().addIf(filters.status, 't.status = ?');
    TransferParties.restrictToDirection(where, this.transfers.reach(caller), direction);
    const page = await this.access.read(caller, (m) =>
      keysetPage<CaseTransferRow>(m, {
        select: `SELECT ${TRANSFER_COLUMNS}`,
        from: 'FROM case_transfers t',
        where,
        sort: resolveSort(undefined, TRANSFER_SORT),
        tieBreaker: TRANSFER_SORT.tieBreaker,
        cursor: filters.cursor,
        limit: filters.limit,
      }),
    );
    await recordCaseEvent(this.audit, {
      action: 'case.transfer.list',
      caller,
      consulateId: null,
      countryCode: caller.countryCode,
      details: { direction, status: filters.status ?? null, returned: page.items.length },
    });
    return { items: await this.views.of(caller, page.items), nextCursor: page.nextCursor };
  }

  async get(caller: Caller, id: string): Promise<CaseTransfer> {
    const found = await this.transfers.visible(caller, id);
    await recordTransferEvent(this.audit, caller, 'read', found);
    return (await this.views.of(caller, [found]))[0];
  }

  /** The receiving post's consul or a supervisor declines, with a reason; the case stays put. */
  async reject(caller: Caller, id: string, reason: string): Promise<CaseTransfer> {
    const found = await this.transfers.visible(caller, id);
    if (!TransferParties.decides(this.transfers.reach(caller), found))
      throw new DomainError('TRANSFER_DECISION_FORBIDDEN', 'forbidden');
    return this.close(caller, found, 'rejected', reason.trim());
  }

  /** The proposer, the sending post's consul or a supervisor withdraws the proposal. */
  async cancel(caller: Caller, id: string): Promise<CaseTransfer> {
    const found = await this.transfers.visible(caller, id);
    if (!TransferParties.cancels(this.transfers.reach(caller), found))
      throw new DomainError('TRANSFER_CANCEL_FORBIDDEN', 'forbidden');
    return this.close(caller, found, 'cancelled');
  }

  /**
   * How many pending transfers await the caller (incoming: to their posts, or any of their
   * supervised countries) and how many they sent (outgoing), for a queue of cooperation work.
   */
  async pendingCounts(caller: Caller): Promise<{ incoming: number; outgoing: number }> {
    const reach = this.transfers.reach(caller);
    return this.access.read(caller, async (m) => {
      const pending = async (direction: 'incoming' | 'outgoing') => {
        const where = new SqlConditions().add(`t.status = 'pending'`);
        TransferParties.restrictToDirection(where, reach, direction);
        const [{ n }] = await m.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM case_transfers t ${where.where}`,
          where.params,
        );
        return n;
      };
      return { incoming: await pending('incoming'), outgoing: await pending('outgoing') };
    });
  }

  /**
   * Pending transfers the caller may see, per post at either end: to the post (incoming) and from
   * it (outgoing). A supervisor sees both ends of every transfer of the country; the posts at the
   * other end of an officer's transfers come too (the caller keeps the posts it shows).
   */
  async pendingCountsByPost(
    caller: Caller,
  ): Promise<{ consulateId: string; incoming: number; outgoing: number }[]> {
    const where = new SqlConditions().add(`t.status = 'pending'`);
    TransferParties.restrictToDirection(where, this.transfers.reach(caller), 'all');
    return this.access.read(caller, (m) =>
      m.query<{ consulateId: string; incoming: number; outgoing: number }[]>(
        `SELECT post AS "consulateId", count(*) FILTER (WHERE toward)::int AS incoming,
                count(*) FILTER (WHERE NOT toward)::int AS outgoing
           FROM case_transfers t
           CROSS JOIN LATERAL (VALUES (t.to_consulate_id, true), (t.from_consulate_id, false)) AS e(post, toward)
           ${where.where} GROUP BY post`,
        where.params,
      ),
    );
  }

  /**
   * Rejection and cancellation: the transfer is decided with the case's summary as it then is. The
   * rejecting consul does not see the case yet: the wall is widened to the sending post, on the
   * transfer found addressed to them.
   */
  private async close(
    caller: Caller,
    found: CaseTransferRow,
    status: Extract<TransferStatus, 'rejected' | 'cancelled'>,
    rejectionReason?: string,
  ): Promise<CaseTransfer> {
    if (found.status !== 'pending') throw new DomainError('TRANSFER_DECIDED', 'conflict');
    const decided = await this.access.reaching(caller, [found.fromConsulateId], async (m) => {
      const current = (await findCase(m, found.caseId))!;
      const row = await decideTransfer(m, found.id, {
        status,
        decidedBy: caller.userId,
        caseSummary: summaryOf(current),
        rejectionReason,
      });
      if (!row) throw new DomainError('TRANSFER_DECIDED', 'conflict');
      await recordTransferEvent(
        this.audit,
        caller,
        status === 'rejected' ? 'reject' : 'cancel',
        row,
        m,
      );
      return row;
    });
    return (await this.views.of(caller, [decided]))[0];
  }
}

/** Why a post cannot receive the case, if it cannot: it must be another active post of its country. */
function targetProblem(current: CaseRecord, target: PostLocation | null): FieldError | null {
  if (!target) return targetProblems.unknown();
  if (target.countryCode !== current.countryCode) return targetProblems.otherCountry();
  if (target.id === current.consulateId) return targetProblems.samePost();
  if (!target.active) return targetProblems.inactive();
  return null;
}
