import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '@amparo/core';
import { CrisisImportsService, importReportCsv, importTemplate } from '@amparo/crisis';
import { Caller, RequirePermission } from '@amparo/identity';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { ImportReportQuery, ImportTemplateQuery } from './crisis-import.requests';
import { CrisisImportResponse, ImportPreviewResponse } from './crisis-import.responses';
import { IMPORT_FILE_FIELD, ImportUploadInterceptor } from './import-upload.interceptor';

const EVENT = { not_found: ['CRISIS_EVENT_NOT_FOUND'] };
const IMPORT = { not_found: ['CRISIS_EVENT_NOT_FOUND', 'CRISIS_IMPORT_NOT_FOUND'] };
const WRITABLE = {
  forbidden: ['CRISIS_NOT_RESPONDING_POST'],
  conflict: ['CRISIS_EVENT_CLOSED'],
};
const FILE_PROBLEMS = {
  invalid: [
    'IMPORT_FILE_MISSING',
    'IMPORT_FILE_EMPTY',
    'IMPORT_FILE_UNREADABLE',
    'IMPORT_COLUMNS',
    'IMPORT_NO_ROWS',
    'IMPORT_TOO_MANY_ROWS',
  ],
  payload_too_large: ['IMPORT_FILE_TOO_LARGE'],
  unsupported_media_type: ['IMPORT_FILE_TYPE'],
};
const CSV = { 'text/csv': { schema: { type: 'string' } } };
const ATTACHMENT = {
  'Content-Disposition': { description: 'attachment; filename=…', schema: { type: 'string' } },
};

/** Bulk import of affected nationals onto a crisis event's roster, from CSV or XLSX. */
@ApiTags('crisis-imports')
@Controller()
export class CrisisImportsController {
  constructor(private readonly imports: CrisisImportsService) {}

  @Post('crisis-events/:id/imports/preview')
  @HttpCode(200)
  @RequirePermission('crisis:write')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary:
      'Reads and checks a CSV or XLSX list (type by content, es or en headers) and reports on every row; imports nothing yet',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [IMPORT_FILE_FIELD],
      properties: { [IMPORT_FILE_FIELD]: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: ImportPreviewResponse })
  @ApiProblems(EVENT, WRITABLE, FILE_PROBLEMS)
  async preview(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<ImportPreviewResponse> {
    if (!file) throw new DomainError('IMPORT_FILE_MISSING', 'invalid');
    const preview = await this.imports.preview(caller, id, {
      fileName: file.originalname,
      bytes: file.buffer,
    });
    return ImportPreviewResponse.fromPreview(preview);
  }

  @Post('crisis-events/:id/imports/:importId/commit')
  @HttpCode(202)
  @RequirePermission('crisis:write')
  @ApiOperation({
    summary:
      "Queues the import of a previewed file's valid rows (one job; follow it with GET …/imports/{importId})",
  })
  @ApiAcceptedResponse({ type: CrisisImportResponse })
  @ApiProblems(IMPORT, WRITABLE, { conflict: ['CRISIS_IMPORT_NOT_PREVIEWED'] })
  async commit(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('importId') importId: string,
  ): Promise<CrisisImportResponse> {
    return CrisisImportResponse.from(await this.imports.commit(caller, id, importId));
  }

  @Get('crisis-events/:id/imports')
  @RequirePermission('crisis:read')
  @ApiOperation({ summary: "The event's imports, newest first (the last 100)" })
  @ApiOkResponse({ type: [CrisisImportResponse] })
  @ApiProblems(EVENT)
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<CrisisImportResponse[]> {
    return (await this.imports.list(caller, id)).map(CrisisImportResponse.from);
  }

  @Get('crisis-events/:id/imports/:importId')
  @RequirePermission('crisis:read')
  @ApiOperation({ summary: "An import's status, counts and progress" })
  @ApiOkResponse({ type: CrisisImportResponse })
  @ApiProblems(IMPORT)
  async status(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('importId') importId: string,
  ): Promise<CrisisImportResponse> {
    return CrisisImportResponse.from(await this.imports.status(caller, id, importId));
  }

  @Get('crisis-events/:id/imports/:importId/report')
  @RequirePermission('crisis:read')
  @ApiOperation({
    summary:
      'The report of every row (CSV, es or en headers): row number, outcome, column and reason; no value of the file',
  })
  @ApiOkResponse({ content: CSV, headers: ATTACHMENT })
  @ApiProblems(IMPORT)
  async report(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('importId') importId: string,
    @Query() query: ImportReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { rows } = await this.imports.report(caller, id, importId);
    const csv = Buffer.from(importReportCsv(rows, query.lang ?? caller.locale), 'utf8');
    return attachment(res, csv, 'text/csv; charset=utf-8', `import-report-${importId}.csv`);
  }

  @Get('crisis-import-template')
  @RequirePermission('crisis:write')
  @ApiOperation({
    summary:
      'An empty list with the accepted headers (CSV or XLSX, es or en; both languages are accepted back)',
  })
  @ApiOkResponse({
    content: {
      ...CSV,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: { type: 'string', format: 'binary' },
      },
    },
    headers: ATTACHMENT,
  })
  async template(
    @CurrentCaller() caller: Caller,
    @Query() query: ImportTemplateQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const format = query.format ?? 'csv';
    const lang = query.lang ?? caller.locale;
    const bytes = await importTemplate(format, lang);
    const type =
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const name = lang === 'es' ? 'plantilla-importacion' : 'import-template';
    return attachment(res, bytes, type, `${name}.${format}`);
  }
}

function attachment(res: Response, bytes: Buffer, type: string, fileName: string) {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Content-Length', String(bytes.length));
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(bytes);
}
