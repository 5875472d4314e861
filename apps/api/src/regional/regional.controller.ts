import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RequirePermission } from '@amparo/identity';
import {
  RegionalConsolidation,
  RegionalConsolidationsService,
  RegionalExportSummary,
  RegionalExportsService,
  RegionalKey,
  RegionalKeysService,
} from '@amparo/statistics';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { ApiProblems } from '../http/openapi-problems.decorator';
import {
  OptionalSemesterQuery,
  RegionalConsolidationRequest,
  RegisterRegionalKeyRequest,
  SemesterQuery,
  UploadRegionalExportRequest,
} from './regional.requests';
import {
  RegionalConsolidationResponse,
  RegionalExportListResponse,
  RegionalExportResponse,
  RegionalKeyListResponse,
  RegionalKeyResponse,
  RegionalReportingResponse,
} from './regional.responses';

const UPLOAD_REFUSALS = {
  unprocessable: [
    'EXPORT_KEY_UNKNOWN',
    'EXPORT_SIGNATURE_INVALID',
    'EXPORT_KEY_COUNTRY_MISMATCH',
    'EXPORT_SCHEMA_INVALID',
    'EXPORT_NOT_REGIONAL',
  ],
};

/**
 * The network secretariat's workspace: member countries' keys, their signed national exports,
 * which countries reported, and the regional table. Aggregates only, already protected nationally.
 */
@ApiTags('regional')
@Controller('regional')
export class RegionalController {
  constructor(
    private readonly keys: RegionalKeysService,
    private readonly exports: RegionalExportsService,
    private readonly consolidations: RegionalConsolidationsService,
  ) {}

  @Post('keys')
  @RequirePermission('regional:manage')
  @Idempotent()
  @ApiOperation({
    summary: "Register a member country's export public key (after comparing its fingerprint)",
  })
  @ApiCreatedResponse({ type: RegionalKeyResponse })
  @ApiProblems({ conflict: ['REGIONAL_KEY_ALREADY_REGISTERED'] })
  async registerKey(
    @CurrentCaller() caller: Caller,
    @Body() body: RegisterRegionalKeyRequest,
  ): Promise<RegionalKeyResponse> {
    return toKeyResponse(await this.keys.register(caller, body));
  }

  @Get('keys')
  @RequirePermission('regional:read')
  @ApiOperation({ summary: 'The registered member keys, revoked ones included' })
  @ApiOkResponse({ type: RegionalKeyListResponse })
  async listKeys(): Promise<RegionalKeyListResponse> {
    return { items: (await this.keys.list()).map(toKeyResponse) };
  }

  @Post('keys/:id/revoke')
  @HttpCode(200)
  @RequirePermission('regional:manage')
  @ApiOperation({ summary: 'Revoke a member key: exports signed with it are refused from now on' })
  @ApiOkResponse({ type: RegionalKeyResponse })
  @ApiProblems({ not_found: ['REGIONAL_KEY_NOT_FOUND'], conflict: ['REGIONAL_KEY_REVOKED'] })
  async revokeKey(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<RegionalKeyResponse> {
    return toKeyResponse(await this.keys.revoke(caller, id));
  }

  @Post('exports')
  @RequirePermission('regional:manage')
  @ApiOperation({
    summary:
      'Upload a signed national export: 201 stored, 200 when the same file was stored before, 422 refused',
  })
  @ApiCreatedResponse({ type: RegionalExportResponse })
  @ApiOkResponse({ type: RegionalExportResponse, description: 'The same file, already stored' })
  @ApiProblems(UPLOAD_REFUSALS)
  async upload(
    @CurrentCaller() caller: Caller,
    @Body() body: UploadRegionalExportRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegionalExportResponse> {
    const { created, export: stored } = await this.exports.upload(caller, body);
    res.status(created ? 201 : 200);
    return toExportResponse(stored);
  }

  @Get('exports')
  @RequirePermission('regional:read')
  @ApiOperation({ summary: 'Verified national exports, newest first, of one semester or all' })
  @ApiOkResponse({ type: RegionalExportListResponse })
  async listExports(@Query() query: OptionalSemesterQuery): Promise<RegionalExportListResponse> {
    return { items: (await this.exports.list(query.semester)).map(toExportResponse) };
  }

  @Get('reporting')
  @RequirePermission('regional:read')
  @ApiOperation({ summary: 'Which member countries have sent an export of the semester' })
  @ApiOkResponse({ type: RegionalReportingResponse })
  async reporting(@Query() query: SemesterQuery): Promise<RegionalReportingResponse> {
    const countries = await this.exports.reporting(query.semester);
    return {
      semester: query.semester,
      countries: countries.map((c) => ({
        ...c,
        lastUploadedAt: c.lastUploadedAt ? c.lastUploadedAt.toISOString() : null,
      })),
    };
  }

  @Post('consolidations')
  @HttpCode(200)
  @RequirePermission('regional:read')
  @ApiOperation({
    summary:
      'The regional table of one measure: per-country columns and regional totals, disclosure-controlled again (a median has no regional total)',
  })
  @ApiOkResponse({ type: RegionalConsolidationResponse })
  @ApiProblems({ unprocessable: ['REGIONAL_TABLE_EMPTY'] })
  async consolidate(
    @CurrentCaller() caller: Caller,
    @Body() body: RegionalConsolidationRequest,
  ): Promise<RegionalConsolidationResponse> {
    return toConsolidationResponse(await this.consolidations.consolidate(caller, body));
  }
}

function toKeyResponse(key: RegionalKey): RegionalKeyResponse {
  return {
    ...key,
    registeredAt: key.registeredAt.toISOString(),
    revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
  };
}

function toExportResponse(summary: RegionalExportSummary): RegionalExportResponse {
  return { ...summary, uploadedAt: summary.uploadedAt.toISOString() };
}

function toConsolidationResponse(c: RegionalConsolidation): RegionalConsolidationResponse {
  return {
    semester: c.semester,
    measure: c.measure,
    k: c.k,
    additive: c.additive,
    dimensions: c.dimensions,
    codes: Object.entries(c.codes).map(([column, codes]) => ({ column, codes })),
    countries: c.table.countries,
    rows: c.table.rows,
    sources: c.sources,
    excluded: c.excluded,
  };
}
