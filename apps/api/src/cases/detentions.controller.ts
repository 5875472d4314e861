import { Body, Controller, Get, Headers, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CaseDetentionsService, DetentionQueueService } from '@amparo/cases';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import {
  CaseDetentionsResponse,
  DetentionQueueResponse,
  DetentionResponse,
  RecordDetentionRequest,
  UpdateDetentionRequest,
} from './detention.dto';
import { versionFromIfMatch } from './version-tag';

const READABLE = { not_found: ['CASE_NOT_FOUND'], forbidden: ['CASE_RESTRICTED'] };
const WRITABLE = { ...READABLE, forbidden: ['CASE_RESTRICTED', 'FORBIDDEN'] };
const DETENTION_IF_MATCH = {
  name: 'If-Match',
  required: true,
  description: 'The etag of the detention as you read it (428 without it, 412 when not current)',
};

@ApiTags('cases')
@Controller()
export class DetentionsController {
  constructor(
    private readonly detentions: CaseDetentionsService,
    private readonly queue: DetentionQueueService,
  ) {}

  @Get('cases/:id/detentions')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary: "Detentions of the case's persons with their VCCR art. 36 clocks (audited, T2)",
  })
  @ApiOkResponse({ type: CaseDetentionsResponse })
  @ApiProblems(READABLE)
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<CaseDetentionsResponse> {
    return { items: (await this.detentions.list(caller, id)).map(DetentionResponse.from) };
  }

  @Post('cases/:id/detentions')
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({ summary: 'Record the detention of a person of the case' })
  @ApiCreatedResponse({ type: DetentionResponse })
  @ApiProblems({ ...WRITABLE, conflict: ['CASE_CLOSED', 'DETENTION_OPEN'] })
  async record(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: RecordDetentionRequest,
  ): Promise<DetentionResponse> {
    return DetentionResponse.from(await this.detentions.record(caller, id, body));
  }

  @Patch('cases/:id/detentions/:detentionId')
  @RequirePermission('cases:write')
  @ApiHeader(DETENTION_IF_MATCH)
  @ApiOperation({ summary: 'Change the times or place of a detention, or record the release' })
  @ApiOkResponse({ type: DetentionResponse })
  @ApiProblems({
    ...WRITABLE,
    not_found: ['CASE_NOT_FOUND', 'DETENTION_NOT_FOUND'],
    conflict: ['CASE_CLOSED', 'DETENTION_RELEASED'],
  })
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('detentionId') detentionId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateDetentionRequest,
  ): Promise<DetentionResponse> {
    return DetentionResponse.from(
      await this.detentions.update(caller, id, detentionId, versionFromIfMatch(ifMatch), body),
    );
  }

  @Get('work-queue/detentions')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary: 'Overdue detentions: open detentions breaking the deployment rule, most late first',
    description:
      "Items are the overdue detentions of cases you work (officer, consul); posts counts them for every post in your scope (a supervisor's country). The rule: DETENTION_NOTIFICATION_OVERDUE_HOURS, DETENTION_FIRST_CONTACT_OVERDUE_HOURS, DETENTION_VISIT_OVERDUE_DAYS.",
  })
  @ApiOkResponse({ type: DetentionQueueResponse })
  overdue(@CurrentCaller() caller: Caller): Promise<DetentionQueueResponse> {
    return this.queue.of(caller);
  }
}
