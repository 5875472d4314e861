import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RowScope, SqlConditions, WallOptions, withinRowScope } from '@amparo/database';
import { Caller, ScopeService } from '@amparo/identity';
import { DataSource, EntityManager } from 'typeorm';
import { WorkflowRole } from '../workflow/case-workflow';

/** Where a case sits, which is all that decides who may see and work it. */
export interface CaseLocation {
  consulateId: string;
  countryCode: string;
  assignedOfficerId: string | null;
  restricted: boolean;
}

/**
 * The caller's reach over cases: the posts they work (officer, consul) and the countries they
 * supervise. Every case query goes through `restrictToScope`; a case outside answers 404.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly scopes: ScopeService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Reads of case and person tables, in a read-only transaction with the database's own wall up
   * for the caller's scope (row-level security): a query here that forgot `restrictToScope` still
   * sees nothing of other posts and countries.
   */
  read<T>(
    caller: Caller,
    work: (manager: EntityManager) => Promise<T>,
    { settings }: Pick<WallOptions, 'settings'> = {},
  ): Promise<T> {
    return withinRowScope(this.dataSource, this.rowScope(caller), work, {
      readOnly: true,
      settings,
    });
  }

  /** Writes (and their reads), in one transaction with the wall up; joins `transactional`'s. */
  write<T>(caller: Caller, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return withinRowScope(this.dataSource, this.rowScope(caller), work);
  }

  /**
   * `read` or `write` with the wall widened to posts the caller does not work. Only for a use case
   * that has first checked, on rows the caller may see, why it must reach there: a transfer
   * addressed to the caller's post moves (or shows) a case that is still the sending post's. It
   * must not run inside another walled transaction, whose narrower scope it would join.
   */
  reaching<T>(
    caller: Caller,
    posts: readonly string[],
    work: (manager: EntityManager) => Promise<T>,
    { readOnly = false }: { readOnly?: boolean } = {},
  ): Promise<T> {
    const scope = this.rowScope(caller);
    const widened = { ...scope, consulates: [...new Set([...scope.consulates, ...posts])] };
    return withinRowScope(this.dataSource, widened, work, { readOnly });
  }

  /** The posts and supervised countries the database lets the caller's transactions touch. */
  rowScope(caller: Caller): Exclude<RowScope, 'system'> {
    return {
      consulates: this.scopes.caseConsulates(caller),
      countries: this.scopes.supervisedCountries(caller),
    };
  }

  /**
   * One post or one country (most callers) is an equality, not `= ANY(array)` nor an OR: only then
   * can PostgreSQL read a list in order from the (consulate_id | country_code, opened_at) indexes
   * instead of sorting every case in scope. Posts inside a supervised country add nothing.
   */
  restrictToScope(where: SqlConditions, caller: Caller, alias = 'c'): void {
    const countries = this.scopes.supervisedCountries(caller);
    const postCountry = new Map(caller.grants.map((g) => [g.consulateId, g.countryCode]));
    const consulates = this.scopes
      .caseConsulates(caller)
      .filter((id) => !countries.includes(postCountry.get(id)!));
    const conditions: [string, unknown][] = [];
    if (consulates.length === 1) conditions.push([`${alias}.consulate_id = ?`, consulates[0]]);
    if (consulates.length > 1)
      conditions.push([`${alias}.consulate_id = ANY(?::uuid[])`, consulates]);
    if (countries.length === 1) conditions.push([`${alias}.country_code = ?`, countries[0]]);
    if (countries.length > 1) conditions.push([`${alias}.country_code = ANY(?)`, countries]);
    if (conditions.length === 0) where.add('false');
    else
      where.add(
        conditions.length === 1
          ? conditions[0][0]
          : `(${conditions.map(([sql]) => sql).join(' OR ')})`,
        ...conditions.map(([, value]) => value),
      );
  }

  /**
   * Cases whose content the caller may read, in SQL: the rule `CaseLookup.readable` applies to one
   * case (`inScope`, then `seesRestrictedContent` or an unexpired break-the-glass grant), for
   * queries over many. Whatever names a person to the caller (search, duplicates, linking) reads
   * through this, so a person is readable exactly when one of their cases is. Without `breakGlass`,
   * grants of break-the-glass do not count: they open a case for reading, for hours, and must not
   * become lasting access through a case that links its person.
   */
  restrictToReadable(
    where: SqlConditions,
    caller: Caller,
    alias = 'c',
    { breakGlass = true }: { breakGlass?: boolean } = {},
  ): void {
    this.restrictToScope(where, caller, alias);
    const consulPosts = this.consulPosts(caller);
    const glass = breakGlass
      ? `OR EXISTS (SELECT 1 FROM case_access_requests r
                     WHERE r.case_id = ${alias}.id AND r.user_id = ? AND r.expires_at > now())`
      : '';
    where.add(
      `(NOT ${alias}.restricted OR ${alias}.assigned_officer_id = ? OR ${alias}.consulate_id = ANY(?::uuid[])
        ${glass})`,
      caller.userId,
      consulPosts,
      ...(breakGlass ? [caller.userId] : []),
    );
  }

  /** The posts where the caller is consul: their restricted cases, closures and reviews. */
  consulPosts(caller: Caller): string[] {
    return caller.grants.filter((g) => g.role === 'consul').map((g) => g.consulateId!);
  }

  /** The posts whose cases the caller works, where persons are shown unmasked (T1). */
  postsWorked(caller: Caller): string[] {
    return this.scopes.caseConsulates(caller);
  }

  inScope(caller: Caller, location: CaseLocation): boolean {
    return (
      this.scopes.caseConsulates(caller).includes(location.consulateId) ||
      this.scopes.supervisedCountries(caller).includes(location.countryCode)
    );
  }

  /** The caller's roles that apply to this case, for the workflow. */
  rolesOn(caller: Caller, location: CaseLocation): WorkflowRole[] {
    const roles: WorkflowRole[] = [];
    for (const grant of caller.grants) {
      if (
        (grant.role === 'officer' || grant.role === 'consul') &&
        grant.consulateId === location.consulateId
      )
        roles.push(grant.role);
      if (grant.role === 'supervisor' && grant.countryCode === location.countryCode)
        roles.push('supervisor');
    }
    return [...new Set(roles)];
  }

  /** Officers and consuls of the post work the case and see identifying fields in lists. */
  worksCase(caller: Caller, location: CaseLocation): boolean {
    const roles = this.rolesOn(caller, location);
    return roles.includes('officer') || roles.includes('consul');
  }

  /**
   * A restricted case (T3, asylum) is open to its assigned officer and the post's consul; others in
   * scope need break-the-glass access (checked by the caller of this method).
   */
  seesRestrictedContent(caller: Caller, location: CaseLocation): boolean {
    if (!location.restricted) return true;
    return (
      location.assignedOfficerId === caller.userId ||
      this.rolesOn(caller, location).includes('consul')
    );
  }
}
