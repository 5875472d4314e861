import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsulatesService } from '@amparo/directory';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Response } from 'express';
import { LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import {
  ConsulateResponse,
  CreateConsulateRequest,
  ListConsulatesQuery,
  UpdateConsulateRequest,
} from './consulate.dto';

const NOT_FOUND = { not_found: ['CONSULATE_NOT_FOUND'] };
const OWN_COUNTRY = { forbidden: ['OUTSIDE_YOUR_COUNTRY'] };

@ApiTags('directory')
@Controller('consulates')
export class ConsulatesController {
  constructor(private readonly consulates: ConsulatesService) {}

  @Post()
  @RequirePermission('consulates:manage')
  @ApiOperation({ summary: 'Create a consulate (admins: of their country)' })
  @ApiCreatedResponse({ type: ConsulateResponse, headers: LOCATION })
  @ApiProblems(OWN_COUNTRY, { conflict: ['POST_CODE_TAKEN'] })
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateConsulateRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ConsulateResponse> {
    const consulate = await this.consulates.create(caller, body);
    res.setHeader('Location', `/api/v1/consulates/${consulate.id}`);
    return ConsulateResponse.from(consulate);
  }

  @Get()
  @RequirePermission('directory:read')
  @ApiOperation({ summary: 'Consulates by sending or host country, type and state' })
  @ApiOkResponse({ type: PageOf(ConsulateResponse) })
  async list(
    @Query() query: ListConsulatesQuery,
  ): Promise<{ items: ConsulateResponse[]; nextCursor: string | null }> {
    const page = await this.consulates.list(query);
    return { items: page.items.map(ConsulateResponse.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('directory:read')
  @ApiOperation({ summary: 'A consulate' })
  @ApiOkResponse({ type: ConsulateResponse })
  @ApiProblems(NOT_FOUND)
  async get(@Param('id') id: string): Promise<ConsulateResponse> {
    return ConsulateResponse.from(await this.consulates.get(id));
  }

  @Patch(':id')
  @RequirePermission('consulates:manage')
  @ApiOperation({ summary: 'Update a consulate; sending country and post code never change' })
  @ApiOkResponse({ type: ConsulateResponse })
  @ApiProblems(NOT_FOUND, OWN_COUNTRY)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateConsulateRequest,
  ): Promise<ConsulateResponse> {
    return ConsulateResponse.from(await this.consulates.update(caller, id, body));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('consulates:manage')
  @ApiOperation({ summary: 'Deactivate a post (posts are never deleted)' })
  @ApiOkResponse({ type: ConsulateResponse })
  @ApiProblems(NOT_FOUND, OWN_COUNTRY)
  async deactivate(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<ConsulateResponse> {
    return ConsulateResponse.from(await this.consulates.setActive(caller, id, false));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @RequirePermission('consulates:manage')
  @ApiOperation({ summary: 'Reactivate a post' })
  @ApiOkResponse({ type: ConsulateResponse })
  @ApiProblems(NOT_FOUND, OWN_COUNTRY)
  async reactivate(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<ConsulateResponse> {
    return ConsulateResponse.from(await this.consulates.setActive(caller, id, true));
  }
}
