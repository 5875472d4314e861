import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, FieldError } from '@amparo/core';
import { DataSource, EntityManager } from 'typeorm';

const problem = (field: string, code: string, es: string, en: string): FieldError => ({
  field,
  code,
  message: { es, en },
});

/** Field checks against the ISO 3166 reference data, collected so a request reports every problem. */
@Injectable()
export class ReferenceChecks {
  /**
   * ISO 3166-1 codes and whether each is a member of the network, read once per process (issue
   * 20: a round trip less per validated request). Only migrations write the countries table, and
   * a process runs against the schema it started with.
   */
  private countries?: Promise<Map<string, boolean>>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countryProblems(
    fields: { field: string; code: string | undefined | null; member?: boolean }[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldError[]> {
    if (!fields.some((f) => f.code)) return [];
    const known = await this.memberships(manager);
    return fields.flatMap(({ field, code, member }) => {
      if (!code) return [];
      if (!known.has(code)) {
        return [
          problem(
            field,
            'UNKNOWN_COUNTRY',
            'No es un código de país ISO 3166-1.',
            'Not an ISO 3166-1 country code.',
          ),
        ];
      }
      if (member && !known.get(code)) {
        return [
          problem(
            field,
            'NOT_A_MEMBER_COUNTRY',
            'Debe ser un país miembro de la red.',
            'Must be a member country of the network.',
          ),
        ];
      }
      return [];
    });
  }

  /** Read with the caller's manager: inside its transaction, the embedded database's one connection. */
  private memberships(manager: EntityManager): Promise<Map<string, boolean>> {
    this.countries ??= manager
      .query<{ code: string; member: boolean }[]>('SELECT code, member FROM countries')
      .then((rows) => new Map(rows.map((r) => [r.code, r.member])));
    return this.countries.catch((error: unknown) => {
      this.countries = undefined;
      throw error;
    });
  }

  /** Each subdivision must exist and belong to one of the given countries. */
  async subdivisionProblems(
    field: string,
    codes: string[],
    countries: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldError[]> {
    if (!codes.length) return [];
    const rows = await manager.query<{ code: string; countryCode: string }[]>(
      'SELECT code, country_code AS "countryCode" FROM subdivisions WHERE code = ANY($1)',
      [codes],
    );
    const countryOf = new Map(rows.map((r) => [r.code, r.countryCode]));
    return codes.flatMap((code, index) => {
      const country = countryOf.get(code);
      if (!country) {
        return [
          problem(
            `${field}.${index}`,
            'UNKNOWN_SUBDIVISION',
            'No es una subdivisión ISO 3166-2.',
            'Not an ISO 3166-2 subdivision.',
          ),
        ];
      }
      if (!countries.includes(country)) {
        return [
          problem(
            `${field}.${index}`,
            'SUBDIVISION_OUTSIDE_COUNTRY',
            `Pertenece a ${country}, fuera del país indicado.`,
            `Belongs to ${country}, outside the given country.`,
          ),
        ];
      }
      return [];
    });
  }

  static throwIfAny(problems: FieldError[]): void {
    if (problems.length)
      throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: problems });
  }
}
