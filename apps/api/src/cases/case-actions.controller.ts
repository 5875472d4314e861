import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CaseHistoryEntry, CaseHistoryService, ConsularActionsService } from '@amparo/cases';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Response } from 'express';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import { ConsularActionRequest, ConsularActionResponse } from './action.dto';
import { CaseHistoryEntryResponse } from './case.responses';

const READABLE = { not_found: ['CASE_NOT_FOUND'], forbidden: ['CASE_RESTRICTED'] };
const WRITABLE = {
  ...READABLE,
  forbidden: ['CASE_RESTRICTED', 'FORBIDDEN'],
  conflict: ['CASE_CLOSED'],
};

@ApiTags('cases')
@Controller('cases/:id')
export class CaseActionsController {
  constructor(
    private readonly actions: ConsularActionsService,
    private readonly history: CaseHistoryService,
  ) {}

  @Get('actions')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'The consular actions of a case, corrections included' })
  @ApiOkResponse({ type: PageOf(ConsularActionResponse) })
  @ApiProblems(READABLE)
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<{ items: ConsularActionResponse[]; nextCursor: null }> {
    return {
      items: (await this.actions.list(caller, id)).map(ConsularActionResponse.from),
      nextCursor: null,
    };
  }

  @Post('actions')
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({ summary: 'Record a consular action (append-only)' })
  @ApiCreatedResponse({ type: ConsularActionResponse, headers: LOCATION })
  @ApiProblems(WRITABLE)
  async add(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ConsularActionRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsularActionResponse> {
    const action = await this.actions.add(caller, id, body);
    res.setHeader('Location', `/api/v1/cases/${id}/actions/${action.id}`);
    return ConsularActionResponse.from(action);
  }

  @Post('actions/:actionId/corrections')
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({
    summary: 'Correct an action with a new entry that points at it; the original stays',
  })
  @ApiCreatedResponse({ type: ConsularActionResponse, headers: LOCATION })
  @ApiProblems(WRITABLE, { not_found: ['ACTION_NOT_FOUND'] })
  async correct(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('actionId') actionId: string,
    @Body() body: ConsularActionRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsularActionResponse> {
    const action = await this.actions.correct(caller, id, actionId, body);
    res.setHeader('Location', `/api/v1/cases/${id}/actions/${action.id}`);
    return ConsularActionResponse.from(action);
  }

  @Get('history')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'Field-level changes: who, when, old → new (masked above T0 for those who do not work the case)',
  })
  @ApiOkResponse({ type: PageOf(CaseHistoryEntryResponse) })
  @ApiProblems(READABLE)
  async historyOf(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<{ items: CaseHistoryEntry[]; nextCursor: null }> {
    return { items: await this.history.list(caller, id), nextCursor: null };
  }
}
