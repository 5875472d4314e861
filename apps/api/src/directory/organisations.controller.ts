import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationsService } from '@amparo/directory';
import { Caller, CurrentCaller, RequirePermission } from '@amparo/identity';
import { Response } from 'express';
import {
  CreateOrganisationRequest,
  ListOrganisationsQuery,
  OrganisationResponse,
  UpdateOrganisationRequest,
} from './organisation.dto';

@ApiTags('directory')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @RequirePermission('directory:manage')
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateOrganisationRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationResponse> {
    const organisation = await this.organisations.create(caller, body);
    res.setHeader('Location', `/api/v1/organisations/${organisation.id}`);
    return OrganisationResponse.from(organisation);
  }

  @Get()
  @RequirePermission('directory:read')
  @ApiOperation({ summary: 'Referral organisations by text, service, type, coverage and language' })
  async list(
    @Query() query: ListOrganisationsQuery,
  ): Promise<{ items: OrganisationResponse[]; nextCursor: string | null }> {
    const page = await this.organisations.list(query);
    return { items: page.items.map(OrganisationResponse.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('directory:read')
  async get(@Param('id') id: string): Promise<OrganisationResponse> {
    return OrganisationResponse.from(await this.organisations.get(id));
  }

  @Patch(':id')
  @RequirePermission('directory:manage')
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return OrganisationResponse.from(await this.organisations.update(caller, id, body));
  }
}
