import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { AccessRequest, AccessRequestsService } from '@amparo/cases';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Response } from 'express';
import { Idempotent } from '../http/idempotency.interceptor';
import { LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import { AccessRequestResponse } from './case.responses';

export class AccessRequestBody {
  @ApiProperty({ minLength: 20, description: 'Why you need to read this restricted case now' })
  @IsString()
  @MinLength(20)
  @MaxLength(2000)
  reason!: string;
}

export class ListAccessRequestsQuery {
  @ApiPropertyOptional({ enum: ['unreviewed', 'reviewed', 'all'], default: 'unreviewed' })
  @IsOptional()
  @IsIn(['unreviewed', 'reviewed', 'all'])
  status?: 'unreviewed' | 'reviewed' | 'all';
}

export class ReviewAccessRequestBody {
  @ApiProperty({ enum: ['justified', 'unjustified'] })
  @IsIn(['justified', 'unjustified'])
  outcome!: 'justified' | 'unjustified';
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@ApiTags('cases')
@Controller()
export class AccessRequestsController {
  constructor(private readonly requests: AccessRequestsService) {}

  @Post('cases/:id/access-requests')
  @Idempotent()
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'Break the glass: open a restricted case for 2 hours with a written reason (audited, reviewed)',
  })
  @ApiCreatedResponse({ type: AccessRequestResponse, headers: LOCATION })
  @ApiProblems({ not_found: ['CASE_NOT_FOUND'], conflict: ['ACCESS_NOT_NEEDED'] })
  async request(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: AccessRequestBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AccessRequest> {
    const created = await this.requests.request(caller, id, body.reason);
    res.setHeader('Location', `/api/v1/access-requests/${created.id}`);
    return created;
  }

  @Get('access-requests')
  @RequirePermission('cases:read_restricted')
  @ApiOperation({
    summary: "The consul's review list of break-the-glass accesses to the post's cases",
  })
  @ApiOkResponse({ type: PageOf(AccessRequestResponse) })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListAccessRequestsQuery,
  ): Promise<{ items: AccessRequest[]; nextCursor: null }> {
    return {
      items: await this.requests.list(caller, query.status ?? 'unreviewed'),
      nextCursor: null,
    };
  }

  @Post('access-requests/:id/review')
  @HttpCode(200)
  @RequirePermission('cases:read_restricted')
  @ApiOperation({ summary: 'Record whether a break-the-glass access was justified' })
  @ApiOkResponse({ type: AccessRequestResponse })
  @ApiProblems({
    not_found: ['ACCESS_REQUEST_NOT_FOUND'],
    conflict: ['ACCESS_REQUEST_REVIEWED'],
  })
  async review(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ReviewAccessRequestBody,
  ): Promise<AccessRequest> {
    return this.requests.review(caller, id, body.outcome, body.note);
  }
}
