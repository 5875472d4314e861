import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError, Page, SortSpec, resolveSort } from '@amparo/core';
import { SqlConditions, addTextSearch, keysetPage } from '@amparo/database';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { ReferenceChecks } from '../countries/reference-checks';
import { changeSummary } from '../change-summary';
import '../directory-errors';
import { DirectoryScope } from '../directory-scope';
import {
  CONSULATE_COLUMNS,
  Consulate,
  ConsulateChanges,
  ConsulateFilters,
  NewConsulate,
  PostLocation,
  PostName,
} from './consulate';

export const CONSULATE_SORT: SortSpec = {
  fields: {
    name: 'c.name',
    postCode: 'c.post_code',
    city: 'c.city',
    sendingCountryCode: 'c.sending_country_code',
    createdAt: 'c.created_at',
  },
  types: { createdAt: 'timestamp' },
  default: 'name',
  tieBreaker: 'c.id',
};

/** Consulates (posts): every signed-in user reads them; admins manage their country's. */
@Injectable()
export class ConsulatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: ReferenceChecks,
    private readonly scope: DirectoryScope,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, input: NewConsulate): Promise<Consulate> {
    this.scope.assertManages(caller, input.sendingCountryCode);
    return this.dataSource.transaction(async (manager) => {
      await this.validate(manager, input, input.hostCountryCode);
      let id: string;
      try {
        [{ id }] = await manager.query<{ id: string }[]>(
          `INSERT INTO consulates (sending_country_code, post_code, name, type, host_country_code, city, jurisdiction,
                                   address, phone, emergency_phone, email, website)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [
            input.sendingCountryCode,
            input.postCode,
            input.name.trim(),
            input.type,
            input.hostCountryCode,
            input.city.trim(),
            input.jurisdiction ?? [],
            input.address ?? null,
            input.phone ?? null,
            input.emergencyPhone ?? null,
            input.email ?? null,
            input.website ?? null,
          ],
        );
      } catch (error) {
        if (
          (error as { constraint?: string }).constraint ===
          'uq_consulates_sending_country_code_post_code'
        ) {
          throw new DomainError('POST_CODE_TAKEN', 'conflict', {
            params: { postCode: input.postCode },
          });
        }
        throw error;
      }
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'consulate.create',
          resourceType: 'consulate',
          resourceId: id,
          consulateId: id,
          countryCode: input.sendingCountryCode,
        },
        manager,
      );
      return (await this.find(id, manager))!;
    });
  }

  async list(filters: ConsulateFilters): Promise<Page<Consulate>> {
    const where = new SqlConditions()
      .addIf(filters.sendingCountryCode, 'c.sending_country_code = ?')
      .addIf(filters.hostCountryCode, 'c.host_country_code = ?')
      .addIf(filters.type, 'c.type = ?')
      .addIf(filters.active, 'c.active = ?');
    addTextSearch(where, ["c.name || ' ' || c.city", 'c.post_code'], filters.q);
    return keysetPage<Consulate>(this.dataSource.manager, {
      select: CONSULATE_COLUMNS,
      from: 'FROM consulates c',
      where,
      sort: resolveSort(filters.sort, CONSULATE_SORT),
      tieBreaker: CONSULATE_SORT.tieBreaker,
      cursor: filters.cursor,
      limit: filters.limit,
    });
  }

  async get(id: string): Promise<Consulate> {
    const consulate = await this.find(id);
    if (!consulate) throw new DomainError('CONSULATE_NOT_FOUND', 'not_found');
    return consulate;
  }

  async update(caller: Caller, id: string, changes: ConsulateChanges): Promise<Consulate> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.find(id, manager, true);
      if (!current) throw new DomainError('CONSULATE_NOT_FOUND', 'not_found');
      this.scope.assertManages(caller, current.sendingCountryCode);
      const next = { ...current, ...stripUndefined(changes) };
      await this.validate(manager, next, next.hostCountryCode);
      await manager.query(
        `UPDATE consulates SET name = $2, type = $3, host_country_code = $4, city = $5, jurisdiction = $6,
                address = $7, phone = $8, emergency_phone = $9, email = $10, website = $11, updated_at = now()
          WHERE id = $1`,
        [
          id,
          next.name.trim(),
          next.type,
          next.hostCountryCode,
          next.city.trim(),
          next.jurisdiction ?? [],
          next.address,
          next.phone,
          next.emergencyPhone,
          next.email,
          next.website,
        ],
      );
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'consulate.update',
          resourceType: 'consulate',
          resourceId: id,
          consulateId: id,
          countryCode: current.sendingCountryCode,
          details: { ...changeSummary(current, changes) },
        },
        manager,
      );
      return (await this.find(id, manager))!;
    });
  }

  /**
   * Posts are never deleted (cases, users and statistics refer to them); deactivated posts stay
   * readable and take no new cases.
   */
  async setActive(caller: Caller, id: string, active: boolean): Promise<Consulate> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.find(id, manager, true);
      if (!current) throw new DomainError('CONSULATE_NOT_FOUND', 'not_found');
      this.scope.assertManages(caller, current.sendingCountryCode);
      await manager.query(
        `UPDATE consulates SET active = $2, deactivated_at = CASE WHEN $2 THEN NULL ELSE COALESCE(deactivated_at, now()) END,
                updated_at = now() WHERE id = $1`,
        [id, active],
      );
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: active ? 'consulate.reactivate' : 'consulate.deactivate',
          resourceType: 'consulate',
          resourceId: id,
          consulateId: id,
          countryCode: current.sendingCountryCode,
        },
        manager,
      );
      return (await this.find(id, manager))!;
    });
  }

  /** A post's country, code and state, or null when there is no such post. */
  async locate(id: string): Promise<PostLocation | null> {
    if (!isUUID(id)) return null;
    const [row] = await this.dataSource.query<PostLocation[]>(
      `SELECT id, sending_country_code AS "countryCode", post_code AS "postCode", active FROM consulates WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The posts of these sending countries and these posts, by country and post code. */
  async names(within: { countries: string[]; consulateIds: string[] }): Promise<PostName[]> {
    const ids = within.consulateIds.filter((id) => isUUID(id));
    if (within.countries.length === 0 && ids.length === 0) return [];
    return this.dataSource.query<PostName[]>(
      `SELECT id, sending_country_code AS "countryCode", post_code AS "postCode", name, active
         FROM consulates WHERE sending_country_code = ANY($1) OR id = ANY($2::uuid[])
        ORDER BY sending_country_code, post_code`,
      [within.countries, ids],
    );
  }

  private async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<Consulate | null> {
    if (!isUUID(id)) return null;
    const [row] = await manager.query<Consulate[]>(
      `${CONSULATE_COLUMNS} FROM consulates c WHERE c.id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  private async validate(
    manager: EntityManager,
    input: { sendingCountryCode: string; hostCountryCode: string; jurisdiction?: string[] | null },
    host: string,
  ): Promise<void> {
    const problems = await this.checks.countryProblems(
      [
        { field: 'sendingCountryCode', code: input.sendingCountryCode, member: true },
        { field: 'hostCountryCode', code: input.hostCountryCode },
      ],
      manager,
    );
    problems.push(
      ...(await this.checks.subdivisionProblems(
        'jurisdiction',
        input.jurisdiction ?? [],
        [host],
        manager,
      )),
    );
    ReferenceChecks.throwIfAny(problems);
  }
}

export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
