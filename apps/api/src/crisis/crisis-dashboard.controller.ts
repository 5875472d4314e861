import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CrisisDashboardService, CrisisDemobilisationService } from '@amparo/crisis';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { EVENT_IN_SCOPE } from './crisis-events.controller';
import {
  CrisisDashboardResponse,
  DashboardQuery,
  DemobilisationResponse,
  DemobiliseRequest,
} from './dashboard.dto';

/** The event's dashboard, and its demobilisation into ordinary cases. */
@ApiTags('crisis')
@Controller('crisis-events/:id')
export class CrisisDashboardController {
  constructor(
    private readonly dashboards: CrisisDashboardService,
    private readonly demobilisation: CrisisDemobilisationService,
  ) {}

  @Get('dashboard')
  @RequirePermission('crisis:read')
  @ApiOperation({
    summary: 'Exact counts of the roster by welfare status, by subdivision and over time',
  })
  @ApiOkResponse({ type: CrisisDashboardResponse })
  @ApiProblems(EVENT_IN_SCOPE)
  async dashboard(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: DashboardQuery,
  ): Promise<CrisisDashboardResponse> {
    return CrisisDashboardResponse.from(
      await this.dashboards.dashboard(caller, id, query.interval ?? 'day'),
    );
  }

  @Post('demobilise')
  @HttpCode(200)
  @RequirePermission('crisis:manage')
  @ApiOperation({
    summary:
      'Close the event, opening an ordinary case (category crisis, linked to the event) for each person who still needs help; all or nothing',
  })
  @ApiOkResponse({ type: DemobilisationResponse })
  @ApiProblems(EVENT_IN_SCOPE, {
    forbidden: ['CRISIS_NOT_RESPONDING_POST', 'NOT_YOUR_POST'],
    conflict: ['CRISIS_EVENT_CLOSED', 'CRISIS_NO_OFFICER_AT_POST', 'CONSULATE_INACTIVE'],
  })
  async demobilise(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: DemobiliseRequest,
  ): Promise<DemobilisationResponse> {
    return this.demobilisation.demobilise(caller, id, body.entryIds);
  }
}
