import { Injectable } from '@nestjs/common';
import { AuditService } from '@amparo/audit';
import { DomainError, registerErrorTexts } from '@amparo/core';
import { Caller, ScopeService, actorOf } from '@amparo/identity';
import { StatisticsQuery } from '../model/statistics-query';
import { FilterScopeCheck } from './filter-scope';
import { StatisticsTable, StatisticsTables } from './statistics-tables';
import { isEmptyScope, StatisticsScope, statisticsScopeOf } from './statistics-scope';

registerErrorTexts({
  STATISTICS_SCOPE_EMPTY: {
    title: { es: 'Sin alcance estadístico', en: 'No statistics scope' },
    detail: {
      es: 'Sus funciones no le dan acceso a estadísticas de ningún país o consulado.',
      en: 'Your roles give you no country or post whose statistics you may see.',
    },
  },
});

/** Dashboard aggregates: the caller's scope, disclosure control, and an audit trail of queries. */
@Injectable()
export class StatisticsQueriesService {
  constructor(
    private readonly tables: StatisticsTables,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly filterScope: FilterScopeCheck,
  ) {}

  async query(
    caller: Caller,
    query: StatisticsQuery,
  ): Promise<{ table: StatisticsTable; scope: StatisticsScope }> {
    const scope = statisticsScopeOf(caller, this.scopes);
    if (isEmptyScope(scope)) throw new DomainError('STATISTICS_SCOPE_EMPTY', 'forbidden');
    await this.filterScope.assertInScope(query.filters, scope);
    const table = await this.tables.table(query, scope);
    // Recorded so that fishing by differencing many slices can be seen afterwards.
    await this.audit.record({
      action: 'statistics.query',
      outcome: 'success',
      actor: actorOf(caller),
      resourceType: 'statistics',
      countryCode: scope.countries.length === 1 ? scope.countries[0] : null,
      details: { ...query, cells: table.cells.length },
    });
    return { table, scope };
  }
}
