import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CrisisRosterService } from '@amparo/crisis';
import { Caller, RequirePermission } from '@amparo/identity';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import { EVENT_IN_SCOPE } from './crisis-events.controller';
import { ListRosterQuery, RapidIntakeRequest, WelfareChangeRequest } from './roster.requests';
import { RosterEntryDetailResponse, RosterEntryResponse } from './roster.responses';

const ENTRY = { not_found: ['CRISIS_EVENT_NOT_FOUND', 'CRISIS_ENTRY_NOT_FOUND'] };
const WORKED = {
  ...EVENT_IN_SCOPE,
  forbidden: ['CRISIS_NOT_RESPONDING_POST'],
  conflict: ['CRISIS_EVENT_CLOSED'],
};

/** The roster of an event: rapid intake, the list, and each person's welfare status and history. */
@ApiTags('crisis')
@Controller('crisis-events/:id/roster')
export class CrisisRosterController {
  constructor(private readonly roster: CrisisRosterService) {}

  @Post()
  @Idempotent()
  @RequirePermission('crisis:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({
    summary: 'Rapid intake: put a person on the roster with the minimum and a welfare status',
  })
  @ApiCreatedResponse({ type: RosterEntryResponse, headers: LOCATION })
  @ApiProblems(WORKED)
  async add(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: RapidIntakeRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RosterEntryResponse> {
    const entry = await this.roster.add(caller, id, body);
    res.setHeader('Location', `/api/v1/crisis-events/${entry.eventId}/roster/${entry.id}`);
    return RosterEntryResponse.from(entry);
  }

  @Get()
  @RequirePermission('crisis:read')
  @ApiOperation({ summary: 'The roster, newest first, by welfare status, subdivision or name' })
  @ApiOkResponse({ type: PageOf(RosterEntryResponse) })
  @ApiProblems(EVENT_IN_SCOPE)
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: ListRosterQuery,
  ): Promise<{ items: RosterEntryResponse[]; nextCursor: string | null }> {
    const page = await this.roster.list(caller, id, query);
    return { items: page.items.map(RosterEntryResponse.from), nextCursor: page.nextCursor };
  }

  @Get(':entryId')
  @RequirePermission('crisis:read')
  @ApiOperation({ summary: 'A person on the roster with the history of their welfare status' })
  @ApiOkResponse({ type: RosterEntryDetailResponse })
  @ApiProblems(ENTRY)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('entryId') entryId: string,
  ): Promise<RosterEntryDetailResponse> {
    return RosterEntryDetailResponse.fromDetail(await this.roster.get(caller, id, entryId));
  }

  @Post(':entryId/welfare')
  @HttpCode(200)
  @RequirePermission('crisis:write')
  @ApiOperation({ summary: "Set a person's welfare status; the history keeps who set it and when" })
  @ApiOkResponse({ type: RosterEntryDetailResponse })
  @ApiProblems(WORKED, ENTRY)
  async setWelfare(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('entryId') entryId: string,
    @Body() body: WelfareChangeRequest,
  ): Promise<RosterEntryDetailResponse> {
    return RosterEntryDetailResponse.fromDetail(
      await this.roster.setWelfare(caller, id, entryId, body),
    );
  }
}
