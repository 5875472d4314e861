import { Injectable } from '@nestjs/common';
import { DomainError } from '@amparo/core';
import { SqlConditions } from '@amparo/database';
import { Caller, ScopeService } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { EntityManager } from 'typeorm';
import '../crisis-errors';
import { CrisisEventRow, EVENT_COLUMNS } from './crisis-event';

/**
 * Who reaches an event: staff (officer, consul) of its responding posts and supervisors of its
 * country; anyone else is told it does not exist. The same rule as the database's
 * `amparo_crisis_event_in_scope`, which walls the roster and everything hanging from it.
 */
@Injectable()
export class CrisisEventAccess {
  constructor(private readonly scopes: ScopeService) {}

  /** Events the caller reaches, as a condition on alias `e`. */
  restrictToScope(where: SqlConditions, caller: Caller, alias = 'e'): void {
    const posts = this.scopes.caseConsulates(caller);
    const countries = this.scopes.supervisedCountries(caller);
    if (!posts.length && !countries.length) where.add('false');
    else
      where.add(
        `(${alias}.consulate_ids && ?::uuid[] OR ${alias}.country_code = ANY(?))`,
        posts,
        countries,
      );
  }

  /** The event, if the caller reaches it; otherwise CRISIS_EVENT_NOT_FOUND (404). */
  async find(
    caller: Caller,
    m: EntityManager,
    id: string,
    { lock = false }: { lock?: boolean } = {},
  ): Promise<CrisisEventRow> {
    const row = await findEvent(m, id, lock);
    if (!row || !this.reaches(caller, row))
      throw new DomainError('CRISIS_EVENT_NOT_FOUND', 'not_found');
    return row;
  }

  reaches(caller: Caller, event: Pick<CrisisEventRow, 'countryCode' | 'consulateIds'>): boolean {
    return (
      this.scopes.supervisedCountries(caller).includes(event.countryCode) ||
      this.scopes.caseConsulates(caller).some((post) => event.consulateIds.includes(post))
    );
  }

  /** A consul of a responding post or a supervisor of the event's country. */
  mayManage(caller: Caller, event: Pick<CrisisEventRow, 'countryCode' | 'consulateIds'>): boolean {
    return caller.grants.some(
      (g) =>
        (g.role === 'consul' && event.consulateIds.includes(g.consulateId!)) ||
        (g.role === 'supervisor' && g.countryCode === event.countryCode),
    );
  }

  /** Staff of a responding post: who takes people onto the roster and works it. */
  mayWrite(caller: Caller, event: Pick<CrisisEventRow, 'consulateIds'>): boolean {
    return this.postOf(caller, event) !== null;
  }

  /** The responding post the caller works at (the lead post first), or null. */
  postOf(caller: Caller, event: Pick<CrisisEventRow, 'consulateIds'>): string | null {
    const worked = this.scopes.caseConsulates(caller);
    return event.consulateIds.find((post) => worked.includes(post)) ?? null;
  }

  assertManage(caller: Caller, event: Pick<CrisisEventRow, 'countryCode' | 'consulateIds'>): void {
    if (!this.mayManage(caller, event))
      throw new DomainError('CRISIS_NOT_RESPONDING_POST', 'forbidden');
  }

  /** The caller's post on the event, for roster work; 403 for a supervisor or another post. */
  assertWrite(caller: Caller, event: CrisisEventRow): string {
    const post = this.postOf(caller, event);
    if (!post) throw new DomainError('CRISIS_NOT_RESPONDING_POST', 'forbidden');
    return post;
  }

  /** Roster work stops when the event is closed. */
  assertOpen(event: CrisisEventRow): void {
    if (event.status === 'closed') throw new DomainError('CRISIS_EVENT_CLOSED', 'conflict');
  }
}

/** One event by id, whoever's it is (callers check the scope); undefined for an id that names none. */
export async function findEvent(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<CrisisEventRow | undefined> {
  if (!isUUID(id)) return undefined;
  const [row] = await m.query<CrisisEventRow[]>(
    `SELECT ${EVENT_COLUMNS} FROM crisis_events e WHERE e.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}
