import {
  Body,
  Controller,
  Get,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { localeOf } from '@amparo/core';
import { OfficialsService } from '@amparo/directory';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Request, Response } from 'express';
import { LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import {
  CreateOfficialRequest,
  ListOfficialsQuery,
  OfficialResponse,
  UpdateOfficialRequest,
} from './official.dto';
import { officialsCsv } from './officials-csv';

const NOT_FOUND = { not_found: ['OFFICIAL_NOT_FOUND'] };
const OWN_COUNTRY = { forbidden: ['OUTSIDE_YOUR_COUNTRY'] };

@ApiTags('directory')
@Controller()
export class OfficialsController {
  constructor(private readonly officials: OfficialsService) {}

  @Post('officials')
  @RequirePermission('directory:manage')
  @ApiOperation({ summary: 'Add an accredited official at a post of your country' })
  @ApiCreatedResponse({ type: OfficialResponse, headers: LOCATION })
  @ApiProblems(OWN_COUNTRY)
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateOfficialRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OfficialResponse> {
    const official = await this.officials.create(caller, body);
    res.setHeader('Location', `/api/v1/officials/${official.id}`);
    return OfficialResponse.from(official);
  }

  @Get('officials')
  @RequirePermission('directory:read')
  @ApiOperation({ summary: 'Accredited officials by sending/host country, post, topic, date' })
  @ApiOkResponse({ type: PageOf(OfficialResponse) })
  async list(
    @Query() query: ListOfficialsQuery,
  ): Promise<{ items: OfficialResponse[]; nextCursor: string | null }> {
    const page = await this.officials.list(query);
    return { items: page.items.map(OfficialResponse.from), nextCursor: page.nextCursor };
  }

  @Get('officials.csv')
  @RequirePermission('directory:read')
  @ApiOperation({
    summary: 'The directory as CSV; headers in Spanish or English by Accept-Language',
  })
  @ApiOkResponse({
    description: 'Every official matching the filters, as a CSV attachment',
    content: { 'text/csv': { schema: { type: 'string' } } },
    headers: {
      'Content-Disposition': { description: 'attachment; filename=…', schema: { type: 'string' } },
      'Content-Language': { description: 'es or en', schema: { type: 'string' } },
    },
  })
  async csv(
    @Query() query: ListOfficialsQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const locale = localeOf(req);
    const rows = await this.officials.all(query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${locale === 'en' ? 'accredited-officials' : 'funcionarios-acreditados'}.csv"`,
    );
    res.setHeader('Content-Language', locale);
    return new StreamableFile(officialsCsv(rows, locale));
  }

  @Get('officials/:id')
  @RequirePermission('directory:read')
  @ApiOperation({ summary: 'An accredited official' })
  @ApiOkResponse({ type: OfficialResponse })
  @ApiProblems(NOT_FOUND)
  async get(@Param('id') id: string): Promise<OfficialResponse> {
    return OfficialResponse.from(await this.officials.get(id));
  }

  @Patch('officials/:id')
  @RequirePermission('directory:manage')
  @ApiOperation({ summary: "Update an official's accreditation, topics or contact" })
  @ApiOkResponse({ type: OfficialResponse })
  @ApiProblems(NOT_FOUND, OWN_COUNTRY)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateOfficialRequest,
  ): Promise<OfficialResponse> {
    return OfficialResponse.from(await this.officials.update(caller, id, body));
  }
}
