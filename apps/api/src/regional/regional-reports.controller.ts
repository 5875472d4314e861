import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RequirePermission } from '@amparo/identity';
import { RegionalReport, RegionalReportsService } from '@amparo/statistics';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { OptionalSemesterQuery, RegionalReportRequest } from './regional.requests';
import { RegionalReportListResponse, RegionalReportResponse } from './regional-reports.responses';

/** The regional semester report: PDFs in Spanish and English and an XLSX annex, made by a job. */
@ApiTags('regional')
@Controller('regional/reports')
export class RegionalReportsController {
  constructor(private readonly reports: RegionalReportsService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('regional:manage')
  @ApiOperation({
    summary:
      'Request the semester report from the verified exports of the semester; produced in the background (202, Location)',
  })
  @ApiAcceptedResponse({ type: RegionalReportResponse, headers: LOCATION })
  @ApiProblems({ unprocessable: ['REGIONAL_REPORT_NO_EXPORTS'] })
  async request(
    @CurrentCaller() caller: Caller,
    @Body() body: RegionalReportRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegionalReportResponse> {
    const report = await this.reports.request(caller, body.semester);
    res.setHeader('Location', `/api/v1/regional/reports/${report.id}`);
    return toReportResponse(report);
  }

  @Get()
  @RequirePermission('regional:read')
  @ApiOperation({ summary: 'Semester reports, newest first, of one semester or all' })
  @ApiOkResponse({ type: RegionalReportListResponse })
  async list(@Query() query: OptionalSemesterQuery): Promise<RegionalReportListResponse> {
    return { items: (await this.reports.list(query.semester)).map(toReportResponse) };
  }

  @Get(':id')
  @RequirePermission('regional:read')
  @ApiOperation({ summary: 'A semester report: status, progress, sources and files' })
  @ApiOkResponse({ type: RegionalReportResponse })
  @ApiProblems({ not_found: ['REGIONAL_REPORT_NOT_FOUND'] })
  async find(@Param('id') id: string): Promise<RegionalReportResponse> {
    return toReportResponse(await this.reports.find(id));
  }

  @Get(':id/files/:name')
  @RequirePermission('regional:read')
  @ApiOperation({
    summary: 'Download a file of a finished report: report-es.pdf, report-en.pdf or annex.xlsx',
  })
  @ApiOkResponse({
    description: 'The file',
    content: {
      'application/pdf': { schema: {} },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: {} },
    },
    headers: {
      'Content-Disposition': { description: 'attachment; filename=…', schema: { type: 'string' } },
    },
  })
  @ApiProblems({ not_found: ['REGIONAL_REPORT_FILE_NOT_FOUND'] })
  async file(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('name') name: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.file(caller, id, name);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename="amparo-regional-${file.name}"`);
    res.setHeader('Content-Length', String(file.content.length));
    return new StreamableFile(file.content);
  }
}

function toReportResponse(report: RegionalReport): RegionalReportResponse {
  return {
    ...report,
    requestedAt: report.requestedAt.toISOString(),
    finishedAt: report.finishedAt ? report.finishedAt.toISOString() : null,
  };
}
