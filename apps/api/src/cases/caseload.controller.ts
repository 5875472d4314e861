import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseloadService } from '@amparo/cases';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { CaseloadQueryParams } from './caseload.requests';
import { CaseloadResponse } from './caseload.responses';

@ApiTags('cases')
@Controller('caseload')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'Caseload of your scope: open cases by post and officer, overdue next steps, closures requested, cases opened and closed per month',
    description:
      'Exact counts of the cases GET /api/v1/cases lists for you (officers and consuls: their posts; supervisors: their country), each equal to that list with the matching filters. "Open" is every status but closed.',
  })
  @ApiOkResponse({ type: CaseloadResponse })
  @ApiProblems({ forbidden: ['FILTER_OUTSIDE_SCOPE'] })
  get(
    @CurrentCaller() caller: Caller,
    @Query() query: CaseloadQueryParams,
  ): Promise<CaseloadResponse> {
    return this.caseload.caseload(caller, query);
  }
}
