import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@amparo/core';
import { DataSource } from 'typeorm';
import { StatisticsFilters } from '../model/statistics-query';
import { StatisticsScope } from './statistics-scope';

/**
 * Filters that say whose cases to count (sending country, post) must stay inside the caller's
 * scope. Outside it they would only ever count zero, and a table of zeros reads as "no cases"
 * rather than "not yours to see": refused instead, naming the filter.
 */
@Injectable()
export class FilterScopeCheck {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async assertInScope(filters: StatisticsFilters, scope: StatisticsScope): Promise<void> {
    const countries = filters.sending_country ?? [];
    const consulates = filters.consulate ?? [];
    if (countries.length === 0 && consulates.length === 0) return;
    const posts = await this.postsOf(scope);
    const countryInScope = (code: string) =>
      scope.countries.includes(code) || posts.some((p) => p.country === code);
    const consulateInScope = (code: string) =>
      scope.countries.includes(code.split('-')[0]) || posts.some((p) => p.code === code);
    const outside =
      pick('sending_country', countries, countryInScope) ??
      pick('consulate', consulates, consulateInScope);
    if (!outside) return;
    const { filter, value } = outside;
    throw new DomainError('FILTER_OUTSIDE_SCOPE', 'forbidden', {
      params: { filter, value },
      fieldErrors: [
        {
          field: `filters.${filter}`,
          code: 'FILTER_OUTSIDE_SCOPE',
          message: {
            es: `Fuera de su alcance: ${value}.`,
            en: `Outside your scope: ${value}.`,
          },
        },
      ],
    });
  }

  /** The caller's own posts (officers and consuls), by code and sending country. */
  private async postsOf(scope: StatisticsScope): Promise<{ code: string; country: string }[]> {
    if (scope.consulateIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT sending_country_code || '-' || post_code AS code, sending_country_code::text AS country
         FROM consulates_for_statistics WHERE id = ANY($1::uuid[])`,
      [scope.consulateIds],
    );
  }
}

function pick(
  filter: 'sending_country' | 'consulate',
  values: readonly string[],
  inScope: (value: string) => boolean,
): { filter: string; value: string } | undefined {
  const value = values.find((v) => !inScope(v));
  return value === undefined ? undefined : { filter, value };
}
