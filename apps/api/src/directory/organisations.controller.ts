import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationsService } from '@amparo/directory';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Response } from 'express';
import { LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import {
  CreateOrganisationRequest,
  ListOrganisationsQuery,
  OrganisationResponse,
  UpdateOrganisationRequest,
} from './organisation.dto';

const NOT_FOUND = { not_found: ['ORGANISATION_NOT_FOUND'] };
const OWN_COUNTRY = { forbidden: ['OUTSIDE_YOUR_COUNTRY'] };

@ApiTags('directory')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @RequirePermission('directory:manage')
  @ApiOperation({ summary: 'Add a referral organisation to the directory of your country' })
  @ApiCreatedResponse({ type: OrganisationResponse, headers: LOCATION })
  @ApiProblems(OWN_COUNTRY)
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
  @ApiOkResponse({ type: PageOf(OrganisationResponse) })
  async list(
    @Query() query: ListOrganisationsQuery,
  ): Promise<{ items: OrganisationResponse[]; nextCursor: string | null }> {
    const page = await this.organisations.list(query);
    return { items: page.items.map(OrganisationResponse.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('directory:read')
  @ApiOperation({ summary: 'A referral organisation' })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiProblems(NOT_FOUND)
  async get(@Param('id') id: string): Promise<OrganisationResponse> {
    return OrganisationResponse.from(await this.organisations.get(id));
  }

  @Patch(':id')
  @RequirePermission('directory:manage')
  @ApiOperation({ summary: 'Update a referral organisation' })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiProblems(NOT_FOUND, OWN_COUNTRY)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return OrganisationResponse.from(await this.organisations.update(caller, id, body));
  }
}
