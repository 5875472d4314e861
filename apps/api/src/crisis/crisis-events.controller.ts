import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CrisisEventsService } from '@amparo/crisis';
import { Caller, RequirePermission } from '@amparo/identity';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { etagOf, versionFromIfMatch } from '../cases/version-tag';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY, IF_MATCH, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import {
  ChangeCrisisEventStatusRequest,
  DeclareCrisisEventRequest,
  ListCrisisEventsQuery,
  UpdateCrisisEventRequest,
} from './crisis-event.requests';
import { CrisisEventResponse } from './crisis-event.responses';

export const EVENT_IN_SCOPE = { not_found: ['CRISIS_EVENT_NOT_FOUND'] };
const MANAGED = { ...EVENT_IN_SCOPE, forbidden: ['CRISIS_NOT_RESPONDING_POST'] };

/** Crisis events (MICIC): declared, listed, read, changed and wound down by their staff. */
@ApiTags('crisis')
@Controller('crisis-events')
export class CrisisEventsController {
  constructor(private readonly events: CrisisEventsService) {}

  @Post()
  @Idempotent()
  @RequirePermission('crisis:manage')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({
    summary:
      'Declare a crisis event: a consul of one of the responding posts, or a supervisor of their country',
  })
  @ApiCreatedResponse({ type: CrisisEventResponse, headers: LOCATION })
  @ApiProblems({ forbidden: ['CRISIS_NOT_RESPONDING_POST'] })
  async declare(
    @CurrentCaller() caller: Caller,
    @Body() body: DeclareCrisisEventRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CrisisEventResponse> {
    const created = await this.events.declare(caller, body);
    res.setHeader('Location', `/api/v1/crisis-events/${created.id}`);
    res.setHeader('ETag', etagOf(created.version));
    return CrisisEventResponse.from(created);
  }

  @Get()
  @RequirePermission('crisis:read')
  @ApiOperation({
    summary: "Events the caller's posts respond to (a supervisor: their country's), newest first",
  })
  @ApiOkResponse({ type: PageOf(CrisisEventResponse) })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListCrisisEventsQuery,
  ): Promise<{ items: CrisisEventResponse[]; nextCursor: string | null }> {
    const page = await this.events.list(caller, query);
    return { items: page.items.map(CrisisEventResponse.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('crisis:read')
  @ApiOperation({ summary: 'An event with its roster counts and what the caller may do on it' })
  @ApiOkResponse({ type: CrisisEventResponse })
  @ApiProblems(EVENT_IN_SCOPE)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CrisisEventResponse> {
    const event = await this.events.get(caller, id);
    res.setHeader('ETag', etagOf(event.version));
    return CrisisEventResponse.from(event);
  }

  @Patch(':id')
  @RequirePermission('crisis:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Rename an event, change its affected subdivisions or responding posts',
  })
  @ApiOkResponse({ type: CrisisEventResponse })
  @ApiProblems(MANAGED, {
    conflict: ['CRISIS_EVENT_CLOSED'],
    precondition_failed: ['CRISIS_EVENT_CHANGED'],
  })
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCrisisEventRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CrisisEventResponse> {
    const event = await this.events.update(caller, id, versionFromIfMatch(ifMatch), body);
    res.setHeader('ETag', etagOf(event.version));
    return CrisisEventResponse.from(event);
  }

  @Post(':id/status')
  @HttpCode(200)
  @RequirePermission('crisis:manage')
  @ApiOperation({
    summary: 'Wind an active event down (it closes only through demobilisation)',
  })
  @ApiOkResponse({ type: CrisisEventResponse })
  @ApiProblems(MANAGED, { conflict: ['CRISIS_INVALID_TRANSITION'] })
  async changeStatus(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ChangeCrisisEventStatusRequest,
  ): Promise<CrisisEventResponse> {
    return CrisisEventResponse.from(await this.events.changeStatus(caller, id, body.status));
  }
}
