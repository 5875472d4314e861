import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { BestInterestAssessmentsService } from '@amparo/cases';
import { Caller, RequirePermission } from '@amparo/identity';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import {
  BestInterestAssessmentRequest,
  BestInterestAssessmentResponse,
} from './best-interest-assessment.dto';

const READABLE = { not_found: ['CASE_NOT_FOUND'], forbidden: ['CASE_RESTRICTED'] };

@ApiTags('cases')
@Controller('cases/:id/best-interest-assessments')
export class BestInterestAssessmentsController {
  constructor(private readonly assessments: BestInterestAssessmentsService) {}

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({
    summary: "The best-interest assessments of a case's children, corrections included",
  })
  @ApiOkResponse({ type: PageOf(BestInterestAssessmentResponse) })
  @ApiProblems(READABLE)
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<{ items: BestInterestAssessmentResponse[]; nextCursor: null }> {
    return {
      items: (await this.assessments.list(caller, id)).map(BestInterestAssessmentResponse.from),
      nextCursor: null,
    };
  }

  @Post()
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({
    summary: 'Record a best-interest assessment of a child on the case (append-only)',
  })
  @ApiCreatedResponse({ type: BestInterestAssessmentResponse, headers: LOCATION })
  @ApiProblems({
    ...READABLE,
    forbidden: ['CASE_RESTRICTED', 'FORBIDDEN'],
    not_found: ['CASE_NOT_FOUND', 'ASSESSMENT_NOT_FOUND'],
    conflict: ['CASE_CLOSED'],
  })
  async add(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: BestInterestAssessmentRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BestInterestAssessmentResponse> {
    const saved = await this.assessments.add(caller, id, body);
    res.setHeader('Location', `/api/v1/cases/${id}/best-interest-assessments/${saved.id}`);
    return BestInterestAssessmentResponse.from(saved);
  }
}
