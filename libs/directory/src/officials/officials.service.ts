import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError, Page, SortSpec, resolveSort } from '@amparo/core';
import { SqlConditions, addTextSearch, keysetPage } from '@amparo/database';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { stripUndefined } from '../consulates/consulates.service';
import { changeSummary } from '../change-summary';
import '../directory-errors';
import { DirectoryScope } from '../directory-scope';
import {
  NewOfficial,
  OFFICIAL_COLUMNS,
  Official,
  OfficialChanges,
  OfficialFilters,
} from './official';

const FROM = 'FROM officials o JOIN consulates c ON c.id = o.consulate_id';

export const OFFICIAL_SORT: SortSpec = {
  fields: {
    name: 'o.name',
    accreditedFrom: 'o.accredited_from',
    postCode: 'c.post_code',
    createdAt: 'o.created_at',
  },
  types: { accreditedFrom: 'date', createdAt: 'timestamp' },
  default: 'name',
  tieBreaker: 'o.id',
};

/** Accredited consular officials: the network's directory of consuls and focal points. */
@Injectable()
export class OfficialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: DirectoryScope,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, input: NewOfficial): Promise<Official> {
    return this.dataSource.transaction(async (manager) => {
      const country = await this.countryOfPost(manager, input.consulateId);
      this.scope.assertManages(caller, country);
      assertAccreditationOrder(input.accreditedFrom, input.accreditedTo);
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO officials (consulate_id, name, title, accredited_from, accredited_to, topics, work_email, work_phone)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          input.consulateId,
          input.name.trim(),
          input.title.trim(),
          input.accreditedFrom,
          input.accreditedTo ?? null,
          input.topics ?? [],
          input.workEmail ?? null,
          input.workPhone ?? null,
        ],
      );
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'official.create',
          resourceType: 'official',
          resourceId: id,
          consulateId: input.consulateId,
          countryCode: country,
        },
        manager,
      );
      return (await this.find(id, manager))!;
    });
  }

  list(filters: OfficialFilters): Promise<Page<Official>> {
    const where = this.conditions(filters);
    return keysetPage<Official>(this.dataSource.manager, {
      select: OFFICIAL_COLUMNS,
      from: FROM,
      where,
      sort: resolveSort(filters.sort, OFFICIAL_SORT),
      tieBreaker: OFFICIAL_SORT.tieBreaker,
      cursor: filters.cursor,
      limit: filters.limit,
    });
  }

  /** Every official matching the filters, for the CSV directory; streamed row by row by the caller. */
  async all(filters: OfficialFilters): Promise<Official[]> {
    const where = this.conditions(filters);
    return this.dataSource.query(
      `${OFFICIAL_COLUMNS} ${FROM} ${where.where} ORDER BY c.sending_country_code, c.post_code, o.name, o.id`,
      where.params,
    );
  }

  async get(id: string): Promise<Official> {
    const official = await this.find(id);
    if (!official) throw new DomainError('OFFICIAL_NOT_FOUND', 'not_found');
    return official;
  }

  async update(caller: Caller, id: string, changes: OfficialChanges): Promise<Official> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.find(id, manager);
      if (!current) throw new DomainError('OFFICIAL_NOT_FOUND', 'not_found');
      this.scope.assertManages(caller, current.sendingCountryCode);
      const next = { ...current, ...stripUndefined(changes) };
      assertAccreditationOrder(next.accreditedFrom, next.accreditedTo);
      await manager.query(
        `UPDATE officials SET name = $2, title = $3, accredited_from = $4, accredited_to = $5, topics = $6,
                work_email = $7, work_phone = $8, updated_at = now() WHERE id = $1`,
        [
          id,
          next.name.trim(),
          next.title.trim(),
          next.accreditedFrom,
          next.accreditedTo,
          next.topics ?? [],
          next.workEmail,
          next.workPhone,
        ],
      );
      await recordCallerEvent(
        this.audit,
        caller,
        {
          action: 'official.update',
          resourceType: 'official',
          resourceId: id,
          consulateId: current.consulateId,
          countryCode: current.sendingCountryCode,
          details: { ...changeSummary(current, changes) },
        },
        manager,
      );
      return (await this.find(id, manager))!;
    });
  }

  private conditions(filters: OfficialFilters): SqlConditions {
    const where = new SqlConditions()
      .addIf(filters.sendingCountryCode, 'c.sending_country_code = ?')
      .addIf(filters.hostCountryCode, 'c.host_country_code = ?')
      .addIf(filters.consulateId, 'o.consulate_id = ?')
      .addIf(filters.topic, '? = ANY(o.topics)')
      .addIf(filters.accreditedOn, 'o.accredited_from <= ?::date');
    if (filters.accreditedOn)
      where.add('(o.accredited_to IS NULL OR o.accredited_to >= ?::date)', filters.accreditedOn);
    addTextSearch(where, ["o.name || ' ' || o.title"], filters.q);
    return where;
  }

  private async countryOfPost(manager: EntityManager, consulateId: string): Promise<string> {
    const [row] = isUUID(consulateId)
      ? await manager.query<{ country: string }[]>(
          'SELECT sending_country_code AS country FROM consulates WHERE id = $1',
          [consulateId],
        )
      : [];
    if (!row) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', {
        fieldErrors: [
          {
            field: 'consulateId',
            code: 'UNKNOWN_CONSULATE',
            message: { es: 'Indique un consulado existente.', en: 'Give an existing consulate.' },
          },
        ],
      });
    }
    return row.country;
  }

  private async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Official | null> {
    if (!isUUID(id)) return null;
    const [row] = await manager.query<Official[]>(`${OFFICIAL_COLUMNS} ${FROM} WHERE o.id = $1`, [
      id,
    ]);
    return row ?? null;
  }
}

function assertAccreditationOrder(from: string, to: string | null | undefined): void {
  if (to && to < from) {
    throw new DomainError('VALIDATION_FAILED', 'invalid', {
      fieldErrors: [
        {
          field: 'accreditedTo',
          code: 'BEFORE_START',
          message: {
            es: 'No puede ser anterior al inicio de la acreditación.',
            en: 'Cannot be before the start of the accreditation.',
          },
        },
      ],
    });
  }
}
