import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQuery } from '@amparo/core';
import { CrisisMovementsService } from '@amparo/crisis';
import { Caller, RequirePermission } from '@amparo/identity';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import { EVENT_IN_SCOPE } from './crisis-events.controller';
import { AddPassengersRequest, CreateMovementRequest, ManifestQuery } from './movement.requests';
import { MovementDetailResponse, MovementResponse } from './movement.responses';

const MOVEMENT = { not_found: ['CRISIS_EVENT_NOT_FOUND', 'CRISIS_MOVEMENT_NOT_FOUND'] };
const WORKED = { forbidden: ['CRISIS_NOT_RESPONDING_POST'], conflict: ['CRISIS_EVENT_CLOSED'] };

/** Evacuation movements of an event, their passengers and manifests. */
@ApiTags('crisis')
@Controller('crisis-events/:id/movements')
export class CrisisMovementsController {
  constructor(private readonly movements: CrisisMovementsService) {}

  @Post()
  @Idempotent()
  @RequirePermission('crisis:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({ summary: 'Plan a movement (flight, bus, boat) of the event' })
  @ApiCreatedResponse({ type: MovementDetailResponse, headers: LOCATION })
  @ApiProblems(EVENT_IN_SCOPE, WORKED)
  async create(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: CreateMovementRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MovementDetailResponse> {
    const created = await this.movements.create(caller, id, body);
    res.setHeader('Location', `/api/v1/crisis-events/${created.eventId}/movements/${created.id}`);
    return MovementDetailResponse.fromDetail(created);
  }

  @Get()
  @RequirePermission('crisis:read')
  @ApiOperation({ summary: 'The movements of an event by departure, with passenger counts' })
  @ApiOkResponse({ type: PageOf(MovementResponse) })
  @ApiProblems(EVENT_IN_SCOPE)
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: PageQuery,
  ): Promise<{ items: MovementResponse[]; nextCursor: string | null }> {
    const page = await this.movements.list(caller, id, query);
    return { items: page.items.map(MovementResponse.from), nextCursor: page.nextCursor };
  }

  @Get(':movementId')
  @RequirePermission('crisis:read')
  @ApiOperation({ summary: 'A movement with its passengers' })
  @ApiOkResponse({ type: MovementDetailResponse })
  @ApiProblems(MOVEMENT)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('movementId') movementId: string,
  ): Promise<MovementDetailResponse> {
    return MovementDetailResponse.fromDetail(await this.movements.get(caller, id, movementId));
  }

  @Post(':movementId/passengers')
  @HttpCode(200)
  @RequirePermission('crisis:write')
  @ApiOperation({ summary: 'Put persons of the roster on board (those already on it stay once)' })
  @ApiOkResponse({ type: MovementDetailResponse })
  @ApiProblems(MOVEMENT, WORKED)
  async addPassengers(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('movementId') movementId: string,
    @Body() body: AddPassengersRequest,
  ): Promise<MovementDetailResponse> {
    return MovementDetailResponse.fromDetail(
      await this.movements.addPassengers(caller, id, movementId, body.entryIds),
    );
  }

  @Delete(':movementId/passengers/:entryId')
  @HttpCode(204)
  @RequirePermission('crisis:write')
  @ApiOperation({ summary: 'Take a person off a movement' })
  @ApiNoContentResponse()
  @ApiProblems(MOVEMENT, WORKED, { not_found: ['CRISIS_PASSENGER_NOT_FOUND'] })
  async removePassenger(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('movementId') movementId: string,
    @Param('entryId') entryId: string,
  ): Promise<void> {
    await this.movements.removePassenger(caller, id, movementId, entryId);
  }

  @Get(':movementId/manifest')
  @RequirePermission('crisis:read')
  @ApiOperation({
    summary:
      'The manifest of a movement as CSV or PDF, headed in Spanish or English; the export is audited',
  })
  @ApiOkResponse({
    description: 'The passengers, one per line, by family and given names',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
    headers: {
      'Content-Disposition': { description: 'attachment; filename=…', schema: { type: 'string' } },
    },
  })
  @ApiProblems(MOVEMENT)
  async manifest(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('movementId') movementId: string,
    @Query() query: ManifestQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.movements.manifest(
      caller,
      id,
      movementId,
      query.format ?? 'csv',
      query.lang ?? caller.locale,
    );
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.setHeader('Content-Length', String(file.body.length));
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.body);
  }
}
