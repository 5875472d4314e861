import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { errorText } from '@amparo/core';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { ExportRecord, ExportRequestsService } from '@amparo/statistics';
import { Response } from 'express';
import { LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import { ExportRequestBody } from './statistics.requests';
import { ExportResponse, ExportSignatureResponse } from './statistics.responses';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const NOT_FOUND = { not_found: ['EXPORT_NOT_FOUND'] };

@ApiTags('statistics')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportRequestsService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('statistics:export')
  @ApiOperation({
    summary: 'Request a statistics export; it is produced in the background (202, Location)',
  })
  @ApiAcceptedResponse({ type: ExportResponse, headers: LOCATION })
  @ApiProblems({
    forbidden: ['EXPORT_REGIONAL_ANALYSTS_ONLY', 'EXPORT_SCOPE_EMPTY', 'FILTER_OUTSIDE_SCOPE'],
    too_many_requests: ['EXPORT_QUOTA_EXCEEDED'],
  })
  async request(
    @CurrentCaller() caller: Caller,
    @Body() body: ExportRequestBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ExportResponse> {
    const record = await this.exports.request(caller, { ...body, measures: body.measures });
    res.setHeader('Location', `/api/v1/exports/${record.id}`);
    return toResponse(record);
  }

  @Get()
  @RequirePermission('statistics:export')
  @ApiOperation({
    summary: 'Your export requests, newest first, and the semester reports you may read',
  })
  @ApiOkResponse({ type: PageOf(ExportResponse) })
  async list(
    @CurrentCaller() caller: Caller,
  ): Promise<{ items: ExportResponse[]; nextCursor: null }> {
    return { items: (await this.exports.list(caller)).map(toResponse), nextCursor: null };
  }

  @Get(':id')
  @RequirePermission('statistics:export')
  @ApiOperation({ summary: 'An export request: status, progress, row count, SHA-256, expiry' })
  @ApiOkResponse({ type: ExportResponse })
  @ApiProblems(NOT_FOUND)
  async find(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<ExportResponse> {
    return toResponse(await this.exports.find(caller, id));
  }

  @Get(':id/signature')
  @RequirePermission('statistics:export')
  @ApiOperation({
    summary:
      'The detached Ed25519 signature of a completed export file (save it as <file>.sig beside the file)',
  })
  @ApiOkResponse({ type: ExportSignatureResponse })
  @ApiProblems(NOT_FOUND, { conflict: ['EXPORT_NOT_READY'], gone: ['EXPORT_UNSIGNED'] })
  async signature(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<ExportSignatureResponse> {
    return this.exports.signature(caller, id);
  }

  @Get(':id/file')
  @RequirePermission('statistics:export')
  @ApiOperation({ summary: 'Download a completed export (its requester only)' })
  @ApiOkResponse({
    description: 'The file, in the format that was requested',
    content: Object.fromEntries(
      Object.values(CONTENT_TYPES).map((type) => [type.split(';')[0], { schema: {} }]),
    ),
    headers: {
      'Content-Disposition': { description: 'attachment; filename=…', schema: { type: 'string' } },
      ETag: { description: 'The SHA-256 of the file, quoted', schema: { type: 'string' } },
      'Repr-Digest': { description: 'sha-256 of the file (RFC 9530)', schema: { type: 'string' } },
    },
  })
  @ApiProblems(NOT_FOUND, { conflict: ['EXPORT_NOT_READY'], gone: ['EXPORT_NOT_READY'] })
  async file(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.openFile(caller, id);
    res.setHeader('Content-Type', CONTENT_TYPES[file.format]);
    res.setHeader('Content-Disposition', `attachment; filename="amparo-export-${file.fileName}"`);
    res.setHeader('Content-Length', String(file.byteSize));
    res.setHeader('ETag', `"${file.sha256}"`);
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(file.stream);
  }
}

function toResponse(record: ExportRecord): ExportResponse {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const failureText = record.failureCode ? errorText(record.failureCode) : undefined;
  return {
    id: record.id,
    kind: record.kind,
    format: record.format,
    language: record.language,
    status: record.status,
    progress: record.progress,
    rowCount: record.rowCount,
    byteSize: record.byteSize,
    sha256: record.sha256,
    failure: record.failureCode
      ? {
          code: record.failureCode,
          message: failureText?.title ?? { es: record.failureCode, en: record.failureCode },
        }
      : null,
    measures: record.spec.measures,
    dimensions: record.spec.dimensions,
    period: record.spec.period,
    from: record.spec.from,
    to: record.spec.to,
    filters: record.spec.filters,
    scope: record.scope,
    scheduled: record.scheduleKey !== null,
    requestedAt: record.requestedAt.toISOString(),
    startedAt: iso(record.startedAt),
    completedAt: iso(record.completedAt),
    expiresAt: iso(record.expiresAt),
    fileUrl: record.status === 'completed' ? `/api/v1/exports/${record.id}/file` : null,
    signatureUrl:
      record.status === 'completed' && record.signature
        ? `/api/v1/exports/${record.id}/signature`
        : null,
  };
}
