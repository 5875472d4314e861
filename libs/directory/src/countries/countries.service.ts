import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@amparo/core';
import { SqlConditions, addTextSearch } from '@amparo/database';
import { DataSource } from 'typeorm';
import '../directory-errors';

export interface Country {
  code: string;
  alpha3: string;
  numeric: string;
  nameEs: string;
  nameEn: string;
  member: boolean;
}

export interface Subdivision {
  code: string;
  countryCode: string;
  name: string;
  type: string;
}

/** ISO 3166 reference data: small, read-only, every list answered whole. */
@Injectable()
export class CountriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filters: { member?: boolean; q?: string }): Promise<Country[]> {
    const where = new SqlConditions().addIf(filters.member, 'member = ?');
    addTextSearch(where, ['name_es', 'name_en', 'code'], filters.q);
    return this.dataSource.query(
      `SELECT code, alpha3, "numeric", name_es AS "nameEs", name_en AS "nameEn", member
         FROM countries ${where.where} ORDER BY code`,
      where.params,
    );
  }

  async subdivisions(countryCode: string, q?: string): Promise<Subdivision[]> {
    const [country] = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM countries WHERE code = $1',
      [countryCode],
    );
    if (!country) throw new DomainError('COUNTRY_NOT_FOUND', 'not_found');
    const where = new SqlConditions().add('country_code = ?', countryCode);
    addTextSearch(where, ['name', 'code'], q);
    return this.dataSource.query(
      `SELECT code, country_code AS "countryCode", name, type FROM subdivisions ${where.where} ORDER BY code`,
      where.params,
    );
  }
}
