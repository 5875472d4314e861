import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { DomainError, Page, SortSpec, resolveSort } from '@amparo/core';
import { SqlConditions, addTextSearch, keysetPage, updateReturning } from '@amparo/database';
import { ReferenceChecks } from '@amparo/directory';
import { Caller } from '@amparo/identity';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import {
  GoodPractice,
  PRACTICE_COLUMNS,
  PRACTICE_SEARCH_TEXT,
  PracticeChanges,
  PracticeFilters,
  PracticeInput,
} from './good-practice';
import { recordPracticeEvent } from './practice-audit';
import './practice-errors';
import { mayEdit, maySee, submitterCountries, visibleCondition } from './practice-scope';
import { assertNoProblems, practiceProblems } from './practice-validation';

export const PRACTICE_SORT: SortSpec = {
  fields: { updatedAt: 'p.updated_at', createdAt: 'p.created_at' },
  types: { updatedAt: 'timestamp', createdAt: 'timestamp' },
  default: '-updatedAt',
  tieBreaker: 'p.id',
};

/** Statuses in which the submitting country may still change an entry. */
const EDITABLE = ['draft', 'returned'];

/**
 * The good-practice catalogue: drafts written by a country's admins and consuls, the search every
 * staff role uses, and the scoping that keeps unpublished entries to their country and the
 * secretariat. No personal data: not behind the case wall, but every write is audited.
 */
@Injectable()
export class GoodPracticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checks: ReferenceChecks,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Caller, input: PracticeInput): Promise<GoodPractice> {
    const own = submitterCountries(caller);
    if (!own.length) throw new DomainError('FORBIDDEN', 'forbidden');
    const countries = [...new Set(input.countries)];
    return this.dataSource.transaction(async (m) => {
      await this.validate(m, { ...input, countries }, own);
      const owner = countries.find((c) => own.includes(c))!;
      const [{ id }] = await m.query<{ id: string }[]>(
        `INSERT INTO good_practices (kind, country_code, title_es, title_en, countries, categories, flags,
            problem, action, results, contacts, semester, submitted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          input.kind,
          owner,
          input.titleEs?.trim() || null,
          input.titleEn?.trim() || null,
          countries,
          [...new Set(input.categories ?? [])],
          [...new Set(input.flags ?? [])],
          input.problem.trim(),
          input.action.trim(),
          input.results?.trim() ?? '',
          input.contacts?.trim() ?? '',
          input.semester ?? null,
          caller.userId,
        ],
      );
      await recordPracticeEvent(this.audit, m, caller, 'good_practice.create', {
        id,
        countryCode: owner,
      });
      return (await findPractice(m, id))!;
    });
  }

  /** Changes a draft or a returned entry, against the version the writer read. */
  async update(
    caller: Caller,
    id: string,
    expectedVersion: number,
    changes: PracticeChanges,
  ): Promise<GoodPractice> {
    return this.dataSource.transaction(async (m) => {
      const current = await this.visible(caller, id, m);
      if (!mayEdit(caller, current)) throw new DomainError('FORBIDDEN', 'forbidden');
      if (!EDITABLE.includes(current.status))
        throw new DomainError('PRACTICE_NOT_EDITABLE', 'conflict');
      const next: PracticeInput = {
        kind: changes.kind ?? current.kind,
        titleEs: changes.titleEs !== undefined ? changes.titleEs : current.titleEs,
        titleEn: changes.titleEn !== undefined ? changes.titleEn : current.titleEn,
        countries: [...new Set(changes.countries ?? current.countries)],
        categories: changes.categories ?? current.categories,
        flags: changes.flags ?? current.flags,
        problem: changes.problem ?? current.problem,
        action: changes.action ?? current.action,
        results: changes.results ?? current.results,
        contacts: changes.contacts ?? current.contacts,
        semester: changes.semester !== undefined ? changes.semester : current.semester,
      };
      // The submitting country stays the owner: it must remain among the countries.
      await this.validate(m, next, [current.countryCode]);
      const updated = await updateReturning<{ id: string }>(
        m,
        `UPDATE good_practices SET kind = $3, title_es = $4, title_en = $5, countries = $6, categories = $7,
            flags = $8, problem = $9, action = $10, results = $11, contacts = $12, semester = $13,
            updated_at = now(), version = version + 1
          WHERE id = $1 AND version = $2 RETURNING id`,
        [
          id,
          expectedVersion,
          next.kind,
          next.titleEs?.trim() || null,
          next.titleEn?.trim() || null,
          next.countries,
          [...new Set(next.categories)],
          [...new Set(next.flags)],
          next.problem.trim(),
          next.action.trim(),
          next.results?.trim() ?? '',
          next.contacts?.trim() ?? '',
          next.semester ?? null,
        ],
      );
      if (!updated.length)
        throw new DomainError('PRACTICE_VERSION_CONFLICT', 'precondition_failed');
      await recordPracticeEvent(this.audit, m, caller, 'good_practice.update', current, {
        fields: Object.keys(changes).sort(),
      });
      return (await findPractice(m, id))!;
    });
  }

  async get(caller: Caller, id: string): Promise<GoodPractice> {
    return this.visible(caller, id, this.dataSource.manager);
  }

  /** The catalogue search: filters, accent- and case-free text, keyset pages. */
  list(caller: Caller, filters: PracticeFilters): Promise<Page<GoodPractice>> {
    const scope = visibleCondition(caller);
    const where = new SqlConditions()
      .add(scope.sql, ...scope.values)
      .addIf(filters.country, '? = ANY(p.countries)')
      .addIf(filters.category, '? = ANY(p.categories)')
      .addIf(filters.flag, '? = ANY(p.flags)')
      .addIf(filters.kind, 'p.kind = ?')
      .addIf(filters.status, 'p.status = ?');
    addTextSearch(where, [PRACTICE_SEARCH_TEXT], filters.q);
    return keysetPage<GoodPractice>(this.dataSource.manager, {
      select: PRACTICE_COLUMNS,
      from: 'FROM good_practices p',
      where,
      sort: resolveSort(filters.sort, PRACTICE_SORT),
      tieBreaker: PRACTICE_SORT.tieBreaker,
      cursor: filters.cursor,
      limit: filters.limit,
    });
  }

  /** An entry the caller may see; anything else, and any malformed id, is not found. */
  async visible(caller: Caller, id: string, manager: EntityManager): Promise<GoodPractice> {
    const found = isUUID(id) ? await findPractice(manager, id) : undefined;
    if (!found || !maySee(caller, found)) throw new DomainError('PRACTICE_NOT_FOUND', 'not_found');
    return found;
  }

  private async validate(m: EntityManager, input: PracticeInput, own: string[]): Promise<void> {
    const problems = practiceProblems(input, own);
    problems.push(
      ...(await this.checks.countryProblems(
        input.countries.map((code, i) => ({ field: `countries.${i}`, code, member: true })),
        m,
      )),
    );
    assertNoProblems(problems);
  }
}

export async function findPractice(
  manager: EntityManager,
  id: string,
): Promise<GoodPractice | undefined> {
  const [row] = await manager.query<GoodPractice[]>(
    `${PRACTICE_COLUMNS} FROM good_practices p WHERE p.id = $1`,
    [id],
  );
  return row;
}
