import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, RequirePermission } from '@amparo/identity';
import { GoodPracticesService, PracticeReviewService } from '@amparo/practices';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { etagOf, versionFromIfMatch } from '../cases/version-tag';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY, IF_MATCH, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import {
  CreateGoodPracticeRequest,
  ListGoodPracticesQuery,
  ReturnGoodPracticeRequest,
  UpdateGoodPracticeRequest,
} from './good-practice.requests';
import { GoodPracticeResponse } from './good-practice.responses';

const PRACTICE = { not_found: ['PRACTICE_NOT_FOUND'] };
const STEP = { not_found: ['PRACTICE_NOT_FOUND'], conflict: ['PRACTICE_INVALID_TRANSITION'] };
const ETAG_HEADER = {
  ETag: {
    description: 'The version of the entry; send it back in If-Match to change it',
    required: true,
    schema: { type: 'string', example: '"v3"' },
  },
};

@ApiTags('good-practices')
@Controller('good-practices')
export class GoodPracticesController {
  constructor(
    private readonly practices: GoodPracticesService,
    private readonly review: PracticeReviewService,
  ) {}

  @Get()
  @RequirePermission('practices:read')
  @ApiOperation({
    summary:
      'Search the catalogue (accents and case ignored, es and en): published entries, and unpublished ones of your country (all for the secretariat)',
  })
  @ApiOkResponse({ type: PageOf(GoodPracticeResponse) })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListGoodPracticesQuery,
  ): Promise<{ items: GoodPracticeResponse[]; nextCursor: string | null }> {
    const page = await this.practices.list(caller, query);
    return { items: page.items.map(GoodPracticeResponse.from), nextCursor: page.nextCursor };
  }

  @Post()
  @Idempotent()
  @RequirePermission('practices:submit')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({ summary: 'Record a draft practice, protocol, agreement or law of your country' })
  @ApiCreatedResponse({ type: GoodPracticeResponse, headers: { ...LOCATION, ...ETAG_HEADER } })
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateGoodPracticeRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GoodPracticeResponse> {
    const created = await this.practices.create(caller, body);
    res.setHeader('Location', `/api/v1/good-practices/${created.id}`);
    res.setHeader('ETag', etagOf(created.version));
    return GoodPracticeResponse.from(created);
  }

  @Get(':id')
  @RequirePermission('practices:read')
  @ApiOperation({
    summary: 'An entry of the catalogue; its ETag is the version to send in If-Match',
  })
  @ApiOkResponse({ type: GoodPracticeResponse, headers: ETAG_HEADER })
  @ApiProblems(PRACTICE)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GoodPracticeResponse> {
    const practice = await this.practices.get(caller, id);
    res.setHeader('ETag', etagOf(practice.version));
    return GoodPracticeResponse.from(practice);
  }

  @Patch(':id')
  @RequirePermission('practices:submit')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Change a draft or returned entry of your country' })
  @ApiOkResponse({ type: GoodPracticeResponse, headers: ETAG_HEADER })
  @ApiProblems(PRACTICE, {
    conflict: ['PRACTICE_NOT_EDITABLE'],
    precondition_failed: ['PRACTICE_VERSION_CONFLICT'],
  })
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateGoodPracticeRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GoodPracticeResponse> {
    const updated = await this.practices.update(caller, id, versionFromIfMatch(ifMatch), body);
    res.setHeader('ETag', etagOf(updated.version));
    return GoodPracticeResponse.from(updated);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission('practices:submit')
  @ApiOperation({ summary: 'Send a draft or returned entry of your country to the secretariat' })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiProblems(STEP)
  async submit(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<GoodPracticeResponse> {
    return GoodPracticeResponse.from(await this.review.submit(caller, id));
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission('practices:review')
  @ApiOperation({
    summary: 'The secretariat returns a submitted entry to its country, saying what to change',
  })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiProblems(STEP)
  async returnToCountry(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ReturnGoodPracticeRequest,
  ): Promise<GoodPracticeResponse> {
    return GoodPracticeResponse.from(await this.review.returnToCountry(caller, id, body.comment));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission('practices:review')
  @ApiOperation({
    summary: 'The secretariat publishes a submitted entry: every staff role then sees it',
  })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiProblems(STEP)
  async publish(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<GoodPracticeResponse> {
    return GoodPracticeResponse.from(await this.review.publish(caller, id));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission('practices:read')
  @ApiOperation({
    summary: "Withdraw an entry: its country's submitters or the secretariat (403 for anyone else)",
  })
  @ApiOkResponse({ type: GoodPracticeResponse })
  @ApiProblems(STEP)
  async withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<GoodPracticeResponse> {
    return GoodPracticeResponse.from(await this.review.withdraw(caller, id));
  }
}
