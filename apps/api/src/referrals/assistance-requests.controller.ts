import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, RequirePermission } from '@amparo/identity';
import {
  AssistanceDecisionsService,
  AssistanceReportsService,
  AssistanceRequestsService,
} from '@amparo/referrals';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import {
  AcceptAssistanceRequest,
  AssistancePreviewRequest,
  AssistanceReportRequest,
  CreateAssistanceRequestRequest,
  ListAssistanceRequestsQuery,
  RejectAssistanceRequest,
  RevokeAssistanceRequest,
} from './assistance-request.requests';
import {
  AssistanceCandidateResponse,
  AssistanceCountsResponse,
  AssistancePreviewResponse,
  AssistanceReportResponse,
  AssistanceRequestResponse,
} from './assistance-request.responses';

const WORKABLE = {
  not_found: ['CASE_NOT_FOUND'],
  forbidden: ['CASE_RESTRICTED', 'FORBIDDEN'],
};
const VISIBLE = { not_found: ['ASSISTANCE_REQUEST_NOT_FOUND'] };
const DECIDED = {
  ...VISIBLE,
  forbidden: ['ASSISTANCE_WRONG_SIDE'],
  conflict: ['ASSISTANCE_NOT_PENDING'],
};

/** Mutual consular assistance between the member countries of the deployment. */
@ApiTags('assistance-requests')
@Controller()
export class AssistanceRequestsController {
  constructor(
    private readonly requests: AssistanceRequestsService,
    private readonly decisions: AssistanceDecisionsService,
    private readonly reports: AssistanceReportsService,
  ) {}

  @Get('cases/:id/assistance-candidates')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      "Active consulates of the other member countries; those covering the case's event place first",
  })
  @ApiOkResponse({ type: [AssistanceCandidateResponse] })
  @ApiProblems(WORKABLE)
  async candidates(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<AssistanceCandidateResponse[]> {
    return (await this.requests.candidates(caller, id)).map(AssistanceCandidateResponse.from);
  }

  @Post('cases/:id/assistance-requests/preview')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({
    summary: 'Exactly what an assistance request would send, and what blocks it (nothing is sent)',
  })
  @ApiOkResponse({ type: AssistancePreviewResponse })
  @ApiProblems(WORKABLE)
  async preview(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: AssistancePreviewRequest,
  ): Promise<AssistancePreviewResponse> {
    return AssistancePreviewResponse.from(await this.requests.preview(caller, id, body));
  }

  @Post('cases/:id/assistance-requests')
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({
    summary:
      "Ask a consulate of another member country to assist (or be notified about) the case's person, with the consented payload",
  })
  @ApiCreatedResponse({ type: AssistanceRequestResponse, headers: LOCATION })
  @ApiProblems(WORKABLE, {
    forbidden: ['ASYLUM_SAFEGUARD', 'CONSENT_OVERRIDE_NOT_ALLOWED'],
    conflict: ['CASE_CLOSED', 'CONSENT_REQUIRED'],
  })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: CreateAssistanceRequestRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AssistanceRequestResponse> {
    const created = await this.requests.create(caller, id, body);
    res.setHeader('Location', `/api/v1/assistance-requests/${created.id}`);
    return AssistanceRequestResponse.from(created);
  }

  @Get('assistance-requests')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary: "Requests the caller's posts (a supervisor: their country's) sent or received",
  })
  @ApiOkResponse({ type: PageOf(AssistanceRequestResponse) })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListAssistanceRequestsQuery,
  ): Promise<{ items: AssistanceRequestResponse[]; nextCursor: string | null }> {
    const page = await this.requests.list(caller, {
      direction: query.direction ?? 'all',
      status: query.status,
      cursor: query.cursor,
      limit: query.limit,
    });
    return { items: page.items.map(AssistanceRequestResponse.from), nextCursor: page.nextCursor };
  }

  @Get('assistance-requests/counts')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'Pending requests, incoming and outgoing, of the caller’s posts' })
  @ApiOkResponse({ type: AssistanceCountsResponse })
  counts(@CurrentCaller() caller: Caller): Promise<AssistanceCountsResponse> {
    return this.requests.counts(caller);
  }

  @Get('assistance-requests/:id')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'One request, as the caller’s side may see it' })
  @ApiOkResponse({ type: AssistanceRequestResponse })
  @ApiProblems(VISIBLE)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<AssistanceRequestResponse> {
    return AssistanceRequestResponse.from(await this.requests.get(caller, id));
  }

  @Post('assistance-requests/:id/accept')
  @HttpCode(200)
  @RequirePermission('cases:assign')
  @ApiOperation({
    summary:
      'Accept (consul of the receiving post or supervisor of its country): an assistance request opens a case of the receiving country; a notification is acknowledged',
  })
  @ApiOkResponse({ type: AssistanceRequestResponse })
  @ApiProblems(DECIDED, {
    forbidden: ['NOT_YOUR_POST'],
    unprocessable: ['OFFICER_NOT_AT_POST'],
    conflict: ['CONSULATE_INACTIVE'],
  })
  async accept(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: AcceptAssistanceRequest,
  ): Promise<AssistanceRequestResponse> {
    return AssistanceRequestResponse.from(await this.decisions.accept(caller, id, body));
  }

  @Post('assistance-requests/:id/reject')
  @HttpCode(200)
  @RequirePermission('cases:assign')
  @ApiOperation({ summary: 'Reject, with the reason (receiving side)' })
  @ApiOkResponse({ type: AssistanceRequestResponse })
  @ApiProblems(DECIDED)
  async reject(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: RejectAssistanceRequest,
  ): Promise<AssistanceRequestResponse> {
    return AssistanceRequestResponse.from(await this.decisions.reject(caller, id, body.reason));
  }

  @Post('assistance-requests/:id/revoke')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({ summary: 'Take back a pending or accepted request (requesting side)' })
  @ApiOkResponse({ type: AssistanceRequestResponse })
  @ApiProblems(VISIBLE, {
    forbidden: ['ASSISTANCE_WRONG_SIDE'],
    conflict: ['ASSISTANCE_NOT_REVOCABLE'],
  })
  async revoke(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: RevokeAssistanceRequest,
  ): Promise<AssistanceRequestResponse> {
    return AssistanceRequestResponse.from(await this.decisions.revoke(caller, id, body.reason));
  }

  @Post('assistance-requests/:id/complete')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({ summary: 'The assistance is given (receiving side, accepted requests)' })
  @ApiOkResponse({ type: AssistanceRequestResponse })
  @ApiProblems(VISIBLE, {
    forbidden: ['ASSISTANCE_WRONG_SIDE'],
    conflict: ['ASSISTANCE_NOT_ACCEPTED'],
  })
  async complete(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<AssistanceRequestResponse> {
    return AssistanceRequestResponse.from(await this.decisions.complete(caller, id));
  }

  @Post('assistance-requests/:id/reports')
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({ summary: 'Report back to the other side what was done (accepted requests)' })
  @ApiCreatedResponse({ type: AssistanceReportResponse })
  @ApiProblems(VISIBLE, {
    forbidden: ['ASSISTANCE_WRONG_SIDE'],
    conflict: ['ASSISTANCE_NOT_ACCEPTED'],
  })
  async addReport(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: AssistanceReportRequest,
  ): Promise<AssistanceReportResponse> {
    return AssistanceReportResponse.from(await this.reports.add(caller, id, body));
  }

  @Get('assistance-requests/:id/reports')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'Every report of both sides, oldest first' })
  @ApiOkResponse({ type: PageOf(AssistanceReportResponse) })
  @ApiProblems(VISIBLE)
  async listReports(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<{ items: AssistanceReportResponse[]; nextCursor: null }> {
    return {
      items: (await this.reports.list(caller, id)).map(AssistanceReportResponse.from),
      nextCursor: null,
    };
  }
}
