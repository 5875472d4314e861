import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RequirePermission } from '@amparo/identity';
import { PracticeViewsService } from '@amparo/practices';
import { CurrentCaller } from '../access/current-caller.decorator';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import { PracticeMatrixQuery } from './good-practice.requests';
import { GoodPracticeResponse, PracticeMatrixResponse } from './good-practice.responses';

/** Views of the published catalogue: the comparative matrix, and a case's practices. */
@ApiTags('good-practices')
@Controller()
export class PracticeViewsController {
  constructor(private readonly views: PracticeViewsService) {}

  @Get('good-practices/matrix')
  @RequirePermission('practices:read')
  @ApiOperation({
    summary:
      'The comparative matrix: national laws, protocols and agreements side by side (countries × topics), published ones',
  })
  @ApiOkResponse({ type: PracticeMatrixResponse })
  async matrix(@Query() query: PracticeMatrixQuery): Promise<PracticeMatrixResponse> {
    return this.views.matrix({ semester: query.semester, kinds: query.kind });
  }

  @Get('cases/:id/practices')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary: "Published practices and protocols of the case's categories, for a case you may read",
  })
  @ApiOkResponse({ type: PageOf(GoodPracticeResponse) })
  @ApiProblems({ not_found: ['CASE_NOT_FOUND'], forbidden: ['CASE_RESTRICTED'] })
  async forCase(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<{ items: GoodPracticeResponse[]; nextCursor: null }> {
    const items = await this.views.forCase(caller, id);
    return { items: items.map(GoodPracticeResponse.from), nextCursor: null };
  }
}
