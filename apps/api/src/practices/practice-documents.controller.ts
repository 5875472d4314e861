import { Controller, Get, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, RequirePermission } from '@amparo/identity';
import { PracticeDocumentsService } from '@amparo/practices';
import { Request, Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { DocumentUploadQuery } from './good-practice.requests';
import { PracticeDocumentListResponse, PracticeDocumentResponse } from './good-practice.responses';
import { contentDisposition } from './content-disposition';

const PRACTICE = { not_found: ['PRACTICE_NOT_FOUND'] };

/** The PDF documents of an entry: the bytes are the request body, the name a query parameter. */
@ApiTags('good-practices')
@Controller('good-practices/:id/documents')
export class PracticeDocumentsController {
  constructor(private readonly documents: PracticeDocumentsService) {}

  @Post()
  @RequirePermission('practices:submit')
  @ApiOperation({
    summary:
      'Attach a PDF to a draft or returned entry of your country: the bytes are the body (415 when they are not a readable PDF, 413 above PRACTICE_DOCUMENT_MAX_BYTES)',
  })
  @ApiConsumes('application/pdf')
  @ApiBody({ required: true, schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: PracticeDocumentResponse, headers: LOCATION })
  @ApiProblems(PRACTICE, {
    conflict: ['PRACTICE_NOT_EDITABLE'],
    payload_too_large: ['DOCUMENT_TOO_LARGE'],
    unsupported_media_type: ['DOCUMENT_NOT_PDF'],
  })
  async attach(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: DocumentUploadQuery,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PracticeDocumentResponse> {
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const document = await this.documents.attach(caller, id, query.filename, bytes);
    res.setHeader('Location', `/api/v1/good-practices/${id}/documents/${document.id}`);
    return PracticeDocumentResponse.from(document);
  }

  @Get()
  @RequirePermission('practices:read')
  @ApiOperation({ summary: 'The documents of an entry you may see, oldest first' })
  @ApiOkResponse({ type: PracticeDocumentListResponse })
  @ApiProblems(PRACTICE)
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<PracticeDocumentListResponse> {
    const items = await this.documents.list(caller, id);
    return { items: items.map(PracticeDocumentResponse.from) };
  }

  @Get(':documentId')
  @RequirePermission('practices:read')
  @ApiOperation({ summary: 'Download a document (PDF, as an attachment)' })
  @ApiOkResponse({
    description: 'The PDF as uploaded',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': { description: 'attachment; filename=…', schema: { type: 'string' } },
    },
  })
  @ApiProblems({ not_found: ['PRACTICE_NOT_FOUND', 'PRACTICE_DOCUMENT_NOT_FOUND'] })
  async download(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { filename, content } = await this.documents.download(caller, id, documentId);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition(filename));
    res.setHeader('Content-Length', String(content.length));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(content);
  }
}
