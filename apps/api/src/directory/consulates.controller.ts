import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsulatesService } from '@amparo/directory';
import { Caller, CurrentCaller, RequirePermission } from '@amparo/identity';
import { Response } from 'express';
import {
  ConsulateResponse,
  CreateConsulateRequest,
  ListConsulatesQuery,
  UpdateConsulateRequest,
} from './consulate.dto';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('consulates')
export class ConsulatesController {
  constructor(private readonly consulates: ConsulatesService) {}

  @Post()
  @RequirePermission('consulates:manage')
  @ApiOperation({ summary: 'Create a consulate (admins: of their country)' })
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
  async list(
    @Query() query: ListConsulatesQuery,
  ): Promise<{ items: ConsulateResponse[]; nextCursor: string | null }> {
    const page = await this.consulates.list(query);
    return { items: page.items.map(ConsulateResponse.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('directory:read')
  async get(@Param('id') id: string): Promise<ConsulateResponse> {
    return ConsulateResponse.from(await this.consulates.get(id));
  }

  @Patch(':id')
  @RequirePermission('consulates:manage')
  @ApiOperation({ summary: 'Update a consulate; sending country and post code never change' })
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
  async deactivate(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<ConsulateResponse> {
    return ConsulateResponse.from(await this.consulates.setActive(caller, id, false));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @RequirePermission('consulates:manage')
  async reactivate(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<ConsulateResponse> {
    return ConsulateResponse.from(await this.consulates.setActive(caller, id, true));
  }
}
