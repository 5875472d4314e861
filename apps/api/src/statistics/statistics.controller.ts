import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@amparo/core';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import {
  DISCLOSURE_RULE,
  MEASURES,
  parseStatisticsQuery,
  StatisticsQueriesService,
} from '@amparo/statistics';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { filtersOf, StatisticsQueryParams } from './statistics.requests';
import { StatisticsResponse } from './statistics.responses';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsQueriesService) {}

  @Get()
  @RequirePermission('statistics:read')
  @ApiOperation({
    summary:
      'A measure by up to three dimensions over your scope, with disclosure control (small counts suppressed)',
  })
  @ApiOkResponse({ type: StatisticsResponse })
  @ApiProblems({
    forbidden: ['STATISTICS_SCOPE_EMPTY', 'FILTER_OUTSIDE_SCOPE'],
    unprocessable: ['STATISTICS_TABLE_TOO_LARGE'],
  })
  async get(
    @CurrentCaller() caller: Caller,
    @Query() params: StatisticsQueryParams,
  ): Promise<StatisticsResponse> {
    const parsed = parseStatisticsQuery({ ...params, filters: filtersOf(params) });
    if ('errors' in parsed) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: parsed.errors });
    }
    const { query } = parsed;
    const { table, scope } = await this.statistics.query(caller, query);
    return {
      measure: { id: query.measure, label: MEASURES[query.measure].label },
      period: query.period,
      from: query.from,
      to: query.to,
      filters: query.filters as Record<string, string[]>,
      scope: { countries: [...scope.countries], consulateIds: [...scope.consulateIds] },
      disclosure: { rule: DISCLOSURE_RULE, method: table.method, k: table.k },
      dimensions: table.axes.map((a) => ({
        id: a.dimension.id,
        label: a.dimension.label,
        codes: [...a.codes],
      })),
      cells: table.cells.map((cell) => ({
        coordinates: Object.fromEntries(table.axes.map((a, i) => [a.dimension.id, cell.codes[i]])),
        value: cell.value,
        suppressed: cell.suppressed,
      })),
    };
  }
}
