import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError, Page, SortSpec, resolveSort } from '@amparo/core';
import { SqlConditions, addTextSearch, keysetPage } from '@amparo/database';
import { Caller, ScopeService, recordCallerEvent } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { stripUndefined } from '../consulates/consulates.service';
import { ReferenceChecks } from '../countries/reference-checks';
import { changeSummary } from '../change-summary';
import '../directory-errors';
import { DirectoryScope } from '../directory-scope';
import {
  NewOrganisation,
  ORGANISATION_COLUMNS,
  Organisation,
  OrganisationChanges,
  OrganisationFilters,
  OwnOrganisationChanges,
} from './organisation';
import { ownOrganisationId } from './own-organisation';

export const ORGANISATION_SORT: SortSpec = {
  fields: { name: 'o.name', type: 'o.type', createdAt: 'o.created_at' },
  types: { createdAt: 'timestamp' },
  default: 'name',
  tieBreaker: 'o.id',
};

/** Civil-society, international and government organisations: the targets of referrals. */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: ReferenceChecks,
    private readonly scope: DirectoryScope,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, input: NewOrganisation): Promise<Organisation> {
    const adminOf = this.scopes.adminCountries(caller);
    const managedBy = input.managedByCountryCode ?? (adminOf.all ? null : (adminOf.ids[0] ?? null));
    this.scope.assertManages(caller, managedBy);
    return this.dataSource.transaction(async (manager) => {
      await this.validate(manager, input);
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO organisations (name, acronym, type, description, services, coverage_countries, coverage_subdivisions,
                                    languages, email, phone, website, address, managed_by_country_code, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          input.name.trim(),
          input.acronym ?? null,
          input.type,
          input.description ?? null,
          input.services,
          input.coverageCountries,
          input.coverageSubdivisions ?? [],
          input.languages ?? [],
          input.email ?? null,
          input.phone ?? null,
          input.website ?? null,
          input.address ?? null,
          managedBy,
          input.active ?? true,
        ],
      );
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'organisation.create',
          resourceType: 'organisation',
          resourceId: id,
          countryCode: managedBy,
        },
        manager,
      );
      return (await this.find(id, manager))!;
    });
  }

  list(filters: OrganisationFilters): Promise<Page<Organisation>> {
    const where = new SqlConditions()
      .addIf(filters.service, '? = ANY(o.services)')
      .addIf(filters.type, 'o.type = ?')
      .addIf(filters.coverageCountry, '? = ANY(o.coverage_countries)')
      .addIf(filters.language, '? = ANY(o.languages)')
      .addIf(filters.active, 'o.active = ?');
    if (filters.coverageSubdivision) {
      const code = where.param(filters.coverageSubdivision);
      where.add(
        `(${code} = ANY(o.coverage_subdivisions) OR (split_part(${code}, '-', 1) = ANY(o.coverage_countries)
          AND NOT EXISTS (SELECT 1 FROM unnest(o.coverage_subdivisions) s WHERE split_part(s, '-', 1) = split_part(${code}, '-', 1))))`,
      );
    }
    addTextSearch(
      where,
      ["o.name || ' ' || coalesce(o.acronym, '') || ' ' || coalesce(o.description, '')"],
      filters.q,
    );
    return keysetPage<Organisation>(this.dataSource.manager, {
      select: ORGANISATION_COLUMNS,
      from: 'FROM organisations o',
      where,
      sort: resolveSort(filters.sort, ORGANISATION_SORT),
      tieBreaker: ORGANISATION_SORT.tieBreaker,
      cursor: filters.cursor,
      limit: filters.limit,
    });
  }

  /**
   * The active organisations offering `service` and speaking `language` (when given): the pool a
   * referral's candidates are ranked from. The directory holds tens of organisations, not thousands.
   */
  active(filters: { service?: string; language?: string } = {}): Promise<Organisation[]> {
    const where = new SqlConditions()
      .add('o.active')
      .addIf(filters.service, '? = ANY(o.services)')
      .addIf(filters.language, '? = ANY(o.languages)');
    return this.dataSource.manager.query<Organisation[]>(
      `${ORGANISATION_COLUMNS} FROM organisations o ${where.where} ORDER BY o.name, o.id LIMIT 1000`,
      where.params,
    );
  }

  async get(id: string): Promise<Organisation> {
    const organisation = await this.find(id);
    if (!organisation) throw new DomainError('ORGANISATION_NOT_FOUND', 'not_found');
    return organisation;
  }

  async update(caller: Caller, id: string, changes: OrganisationChanges): Promise<Organisation> {
    return this.change(caller, id, changes, (current) =>
      this.scope.assertManages(caller, current.managedByCountryCode),
    );
  }

  /** The organisation the caller is the focal point of. */
  async getOwn(caller: Caller): Promise<Organisation> {
    return this.get(ownOrganisationId(caller));
  }

  /**
   * A focal point's edit of their own organisation: the same fields and checks as an
   * administrator's, but never its state or managing country (the type leaves them out). The grant
   * names the organisation: no id comes from the request.
   */
  async updateOwn(caller: Caller, changes: OwnOrganisationChanges): Promise<Organisation> {
    return this.change(caller, ownOrganisationId(caller), changes, () => undefined);
  }

  private async change(
    caller: Caller,
    id: string,
    changes: OrganisationChanges,
    authorise: (current: Organisation) => void,
  ): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.find(id, manager, { lock: true });
      if (!current) throw new DomainError('ORGANISATION_NOT_FOUND', 'not_found');
      authorise(current);
      const next = { ...current, ...stripUndefined(changes) };
      await this.validate(manager, next);
      await manager.query(
        `UPDATE organisations SET name = $2, acronym = $3, type = $4, description = $5, services = $6,
                coverage_countries = $7, coverage_subdivisions = $8, languages = $9, email = $10, phone = $11,
                website = $12, address = $13, active = $14, updated_at = now() WHERE id = $1`,
        [
          id,
          next.name.trim(),
          next.acronym,
          next.type,
          next.description,
          next.services,
          next.coverageCountries,
          next.coverageSubdivisions ?? [],
          next.languages ?? [],
          next.email,
          next.phone,
          next.website,
          next.address,
          next.active,
        ],
      );
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'organisation.update',
          resourceType: 'organisation',
          resourceId: id,
          countryCode: current.managedByCountryCode,
          details: { ...changeSummary(current, changes) },
        },
        manager,
      );
      return (await this.find(id, manager))!;
    });
  }

  private async validate(
    manager: EntityManager,
    input: Pick<NewOrganisation, 'coverageCountries' | 'coverageSubdivisions'>,
  ): Promise<void> {
    const problems = await this.checks.countryProblems(
      input.coverageCountries.map((code, index) => ({ field: `coverageCountries.${index}`, code })),
      manager,
    );
    problems.push(
      ...(await this.checks.subdivisionProblems(
        'coverageSubdivisions',
        input.coverageSubdivisions ?? [],
        input.coverageCountries,
        manager,
      )),
    );
    ReferenceChecks.throwIfAny(problems);
  }

  /** `lock`: the row stays locked until the transaction ends, so two edits never interleave. */
  private async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    options: { lock?: boolean } = {},
  ): Promise<Organisation | null> {
    if (!isUUID(id)) return null;
    const [row] = await manager.query<Organisation[]>(
      `${ORGANISATION_COLUMNS} FROM organisations o WHERE o.id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }
}
