import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@amparo/audit';
import { CASE_CATEGORIES, CaseAccess, CaseCategory, CaseLookup } from '@amparo/cases';
import { CountriesService } from '@amparo/directory';
import { Caller, recordCallerEvent } from '@amparo/identity';
import { DataSource } from 'typeorm';
import { GoodPractice, PRACTICE_COLUMNS, PracticeKind } from './good-practice';
import { MatrixEntry, PracticeMatrix, layOutMatrix } from './practice-matrix';

/** What the matrix shows unless asked otherwise: the instruments, not field practices. */
export const MATRIX_KINDS: PracticeKind[] = ['law', 'protocol', 'agreement'];

/** Read-only views of the published catalogue: the comparative matrix and a case's practices. */
@Injectable()
export class PracticeViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly countries: CountriesService,
    private readonly access: CaseAccess,
    private readonly cases: CaseLookup,
    private readonly audit: AuditService,
  ) {}

  /**
   * National policies and laws side by side: member countries as columns, case categories as rows,
   * the published instruments of the semester (or every semester) in the cells.
   */
  async matrix(filters: { semester?: string; kinds?: PracticeKind[] }): Promise<PracticeMatrix> {
    const kinds = filters.kinds?.length ? [...new Set(filters.kinds)] : MATRIX_KINDS;
    const members = (await this.countries.list({ member: true })).map((c) => c.code);
    const instruments = await this.dataSource.query<
      (MatrixEntry & { countries: string[]; categories: CaseCategory[] })[]
    >(
      `SELECT p.id, p.kind, p.title_es AS "titleEs", p.title_en AS "titleEn", p.semester, p.countries, p.categories
         FROM good_practices p
        WHERE p.status = 'published' AND p.kind = ANY($1) AND ($2::text IS NULL OR p.semester = $2)
        ORDER BY p.published_at, p.id`,
      [kinds, filters.semester ?? null],
    );
    return {
      semester: filters.semester ?? null,
      kinds,
      countries: members,
      rows: layOutMatrix(CASE_CATEGORIES, members, instruments),
    };
  }

  /**
   * The published practices and protocols of a case's categories (primary and secondary), for the
   * case page: only for a caller who may read the case (404 otherwise, like the case itself).
   */
  async forCase(caller: Caller, caseId: string): Promise<GoodPractice[]> {
    const found = await this.access.read(caller, (m) => this.cases.readable(caller, caseId, m));
    const categories = [found.primaryCategory, ...found.secondaryCategories];
    const practices = await this.dataSource.query<GoodPractice[]>(
      `${PRACTICE_COLUMNS} FROM good_practices p
        WHERE p.status = 'published' AND p.kind IN ('practice', 'protocol') AND p.categories && $1::text[]
        ORDER BY p.published_at DESC, p.id LIMIT 50`,
      [categories],
    );
    await recordCallerEvent(this.audit, caller, {
      action: 'case.practices.read',
      resourceType: 'case',
      resourceId: found.id,
      consulateId: found.consulateId,
      countryCode: found.countryCode,
      details: { count: practices.length },
    });
    return practices;
  }
}
