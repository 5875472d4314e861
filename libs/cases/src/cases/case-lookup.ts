import { Injectable } from '@nestjs/common';
import { DomainError } from '@amparo/core';
import { SqlConditions } from '@amparo/database';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import { AccessRequestsService } from '../access/access-requests.service';
import { CaseAccess } from '../access/case-access';
import { CASE_COLUMNS, CaseRecord } from './case';
import './case-errors';

/** One case by id, or null (an id that is not a UUID names no case). */
export async function findCase(manager: EntityManager, id: string): Promise<CaseRecord | null> {
  if (!isUUID(id)) return null;
  const [row] = await manager.query<CaseRecord[]>(
    `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1`,
    [id],
  );
  return row ?? null;
}

/**
 * One case by id, its row locked until the transaction ends: for writes that carry no If-Match
 * (an action moving the case's next step) and so must not fail on another writer's version.
 */
export async function lockCase(manager: EntityManager, id: string): Promise<CaseRecord | null> {
  if (!isUUID(id)) return null;
  const [row] = await manager.query<CaseRecord[]>(
    `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1 FOR UPDATE`,
    [id],
  );
  return row ?? null;
}

/**
 * The one place that decides whether the caller may read or work one case: every use case that
 * starts from a case id (get, update, transition, assign, actions, history) begins here.
 */
@Injectable()
export class CaseLookup {
  constructor(
    private readonly access: CaseAccess,
    private readonly accessRequests: AccessRequestsService,
  ) {}

  /**
   * A case in scope whose content the caller may read: restricted ones only for the assigned officer,
   * the consul, or someone holding an unexpired break-the-glass grant. 404 outside the scope.
   */
  async readable(caller: Caller, id: string, manager: EntityManager): Promise<CaseRecord> {
    return this.decide(caller, await this.find(id, manager), () =>
      this.accessRequests.hasActiveGrant(caller.userId, id, manager),
    );
  }

  /**
   * `readable`, with whether the caller holds an unexpired break-the-glass grant on the case, both
   * asked for at once (one round trip where the driver pipelines): for reading one case, where the
   * grant also decides whether a child's whereabouts show.
   */
  async readableWithGrant(
    caller: Caller,
    id: string,
    manager: EntityManager,
  ): Promise<{ found: CaseRecord; breakGlass: boolean }> {
    const [found, breakGlass] = await Promise.all([
      this.find(id, manager),
      isUUID(id)
        ? this.accessRequests.hasActiveGrant(caller.userId, id, manager)
        : Promise.resolve(false),
    ]);
    return { found: await this.decide(caller, found, async () => breakGlass), breakGlass };
  }

  /**
   * The rule of both: 404 outside the scope; a restricted case's content only for the assigned
   * officer, the consul, or someone holding an unexpired break-the-glass grant (`hasGrant`, asked
   * only when the rest does not decide).
   */
  private async decide(
    caller: Caller,
    found: CaseRecord | null,
    hasGrant: () => Promise<boolean>,
  ): Promise<CaseRecord> {
    if (!found || !this.access.inScope(caller, found))
      throw new DomainError('CASE_NOT_FOUND', 'not_found');
    if (!this.access.seesRestrictedContent(caller, found) && !(await hasGrant()))
      throw new DomainError('CASE_RESTRICTED', 'forbidden');
    return found;
  }

  /** A readable case the caller works (officer or consul of its post). */
  async workable(caller: Caller, id: string, manager: EntityManager): Promise<CaseRecord> {
    const found = await this.readable(caller, id, manager);
    if (!this.access.worksCase(caller, found)) throw new DomainError('FORBIDDEN', 'forbidden');
    return found;
  }

  /**
   * Of these case ids, those whose content the caller may read: the rule of `readable` for many, so
   * that another context showing what it holds about a case (an assistance request's payload) shows
   * it exactly to those who may read the case.
   */
  async readableIds(
    caller: Caller,
    ids: readonly string[],
    manager: EntityManager,
  ): Promise<Set<string>> {
    const valid = [...new Set(ids)].filter((id) => isUUID(id));
    if (!valid.length) return new Set();
    const where = new SqlConditions().add('c.id = ANY(?::uuid[])', valid);
    this.access.restrictToReadable(where, caller);
    const rows = await manager.query<{ id: string }[]>(
      `SELECT c.id FROM cases c ${where.where}`,
      where.params,
    );
    return new Set(rows.map((r) => r.id));
  }

  find(id: string, manager: EntityManager): Promise<CaseRecord | null> {
    return findCase(manager, id);
  }
}
