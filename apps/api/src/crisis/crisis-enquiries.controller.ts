import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CrisisEnquiriesService } from '@amparo/crisis';
import { Caller, RequirePermission } from '@amparo/identity';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import { EVENT_IN_SCOPE } from './crisis-events.controller';
import {
  AnswerEnquiryRequest,
  CreateEnquiryRequest,
  ListEnquiriesQuery,
  MatchEnquiryRequest,
} from './enquiry.requests';
import { EnquiryDetailResponse, EnquiryResponse } from './enquiry.responses';

const ENQUIRY = { not_found: ['CRISIS_EVENT_NOT_FOUND', 'CRISIS_ENQUIRY_NOT_FOUND'] };
const STEP = {
  ...ENQUIRY,
  forbidden: ['CRISIS_NOT_RESPONDING_POST'],
  conflict: ['CRISIS_ENQUIRY_CLOSED'],
};

/** Relatives' enquiries about persons who may be on the roster. */
@ApiTags('crisis')
@Controller('crisis-events/:id/enquiries')
export class CrisisEnquiriesController {
  constructor(private readonly enquiries: CrisisEnquiriesService) {}

  @Post()
  @Idempotent()
  @RequirePermission('crisis:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({ summary: "Record a relative's enquiry; answers it with the suggested matches" })
  @ApiCreatedResponse({ type: EnquiryDetailResponse, headers: LOCATION })
  @ApiProblems(EVENT_IN_SCOPE, {
    forbidden: ['CRISIS_NOT_RESPONDING_POST'],
    conflict: ['CRISIS_EVENT_CLOSED'],
  })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: CreateEnquiryRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnquiryDetailResponse> {
    const created = await this.enquiries.create(caller, id, body);
    res.setHeader('Location', `/api/v1/crisis-events/${created.eventId}/enquiries/${created.id}`);
    return EnquiryDetailResponse.fromDetail(created);
  }

  @Get()
  @RequirePermission('crisis:read')
  @ApiOperation({ summary: 'The enquiries of an event, oldest first' })
  @ApiOkResponse({ type: PageOf(EnquiryResponse) })
  @ApiProblems(EVENT_IN_SCOPE)
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: ListEnquiriesQuery,
  ): Promise<{ items: EnquiryResponse[]; nextCursor: string | null }> {
    const page = await this.enquiries.list(caller, id, query);
    return { items: page.items.map(EnquiryResponse.from), nextCursor: page.nextCursor };
  }

  @Get(':enquiryId')
  @RequirePermission('crisis:read')
  @ApiOperation({ summary: 'An enquiry with its confirmed match and the suggested roster entries' })
  @ApiOkResponse({ type: EnquiryDetailResponse })
  @ApiProblems(ENQUIRY)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('enquiryId') enquiryId: string,
  ): Promise<EnquiryDetailResponse> {
    return EnquiryDetailResponse.fromDetail(await this.enquiries.get(caller, id, enquiryId));
  }

  @Post(':enquiryId/match')
  @HttpCode(200)
  @RequirePermission('crisis:write')
  @ApiOperation({ summary: 'Confirm which roster entry is the person sought' })
  @ApiOkResponse({ type: EnquiryDetailResponse })
  @ApiProblems(STEP)
  async match(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('enquiryId') enquiryId: string,
    @Body() body: MatchEnquiryRequest,
  ): Promise<EnquiryDetailResponse> {
    return EnquiryDetailResponse.fromDetail(
      await this.enquiries.match(caller, id, enquiryId, body.entryId),
    );
  }

  @Post(':enquiryId/answer')
  @HttpCode(200)
  @RequirePermission('crisis:write')
  @ApiOperation({ summary: 'Record what the relative was told (the enquiry is answered)' })
  @ApiOkResponse({ type: EnquiryDetailResponse })
  @ApiProblems(STEP)
  async answer(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('enquiryId') enquiryId: string,
    @Body() body: AnswerEnquiryRequest,
  ): Promise<EnquiryDetailResponse> {
    return EnquiryDetailResponse.fromDetail(
      await this.enquiries.answer(caller, id, enquiryId, body.answer),
    );
  }

  @Post(':enquiryId/close')
  @HttpCode(200)
  @RequirePermission('crisis:write')
  @ApiOperation({ summary: 'Close an enquiry' })
  @ApiOkResponse({ type: EnquiryDetailResponse })
  @ApiProblems(STEP)
  async close(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('enquiryId') enquiryId: string,
  ): Promise<EnquiryDetailResponse> {
    return EnquiryDetailResponse.fromDetail(await this.enquiries.close(caller, id, enquiryId));
  }
}
