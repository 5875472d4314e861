import {
  Body,
  Controller,
  Delete,
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
import {
  ReintegrationReferralsService,
  ReturnJourneyService,
  ReturnManifestService,
  ReturnMovementsService,
} from '@amparo/returns';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { etagOf, versionFromIfMatch } from '../cases/version-tag';
import { Idempotent } from '../http/idempotency.interceptor';
import { ETAG, IDEMPOTENCY_KEY, IF_MATCH, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import { ReferralResponse } from '../referrals/referral.dto';
import {
  AddEscortRequest,
  AddReturnCaseRequest,
  CancelReturnRequest,
  CompleteReturnRequest,
  CreateReturnMovementRequest,
  DepartRequest,
  HandoverRequest,
  ListReturnMovementsQuery,
  ReintegrationReferralRequest,
  UpdateReturnMovementRequest,
} from './return-movement.requests';
import {
  CaseReturnResponse,
  CaseReturnsResponse,
  ReturnMovementDetailResponse,
  ReturnMovementResponse,
  ReturnMovementViewResponse,
} from './return-movement.responses';

const MOVEMENT = { not_found: ['RETURN_MOVEMENT_NOT_FOUND'] };
const WORKABLE = { not_found: ['RETURN_MOVEMENT_NOT_FOUND'], forbidden: ['FORBIDDEN'] };
const PLANNED = { conflict: ['RETURN_NOT_PLANNED'] };
const IN_TRANSIT = { conflict: ['RETURN_NOT_IN_TRANSIT'] };

@ApiTags('returns')
@Controller()
export class ReturnMovementsController {
  constructor(
    private readonly movements: ReturnMovementsService,
    private readonly manifest: ReturnManifestService,
    private readonly journey: ReturnJourneyService,
    private readonly reintegration: ReintegrationReferralsService,
  ) {}

  @Post('return-movements')
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({ summary: 'Plan a return movement organised by your post' })
  @ApiCreatedResponse({ type: ReturnMovementDetailResponse, headers: { ...LOCATION, ...ETAG } })
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateReturnMovementRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReturnMovementDetailResponse> {
    const created = await this.movements.create(caller, body);
    res.setHeader('Location', `/api/v1/return-movements/${created.id}`);
    res.setHeader('ETag', etagOf(created.version));
    return ReturnMovementDetailResponse.of(created);
  }

  @Get('return-movements')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary: "Return movements of your posts (a supervisor: of the country's posts), latest first",
  })
  @ApiOkResponse({ type: PageOf(ReturnMovementResponse) })
  async list(@CurrentCaller() caller: Caller, @Query() query: ListReturnMovementsQuery) {
    const page = await this.movements.list(caller, query);
    return { ...page, items: page.items.map((m) => ReturnMovementResponse.from(m)) };
  }

  @Get('return-movements/:id')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'A return movement with its cases, the persons of the cases you may read, escorts, handovers and reintegration referrals',
  })
  @ApiOkResponse({ type: ReturnMovementViewResponse, headers: ETAG })
  @ApiProblems(MOVEMENT)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReturnMovementViewResponse> {
    const view = await this.movements.get(caller, id);
    res.setHeader('ETag', etagOf(view.version));
    return ReturnMovementViewResponse.ofView(view);
  }

  @Patch('return-movements/:id')
  @RequirePermission('cases:write')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Change a planned movement (If-Match: its version)' })
  @ApiOkResponse({ type: ReturnMovementDetailResponse, headers: ETAG })
  @ApiProblems(WORKABLE, PLANNED)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateReturnMovementRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReturnMovementDetailResponse> {
    const updated = await this.movements.update(caller, id, versionFromIfMatch(ifMatch), body);
    res.setHeader('ETag', etagOf(updated.version));
    return ReturnMovementDetailResponse.of(updated);
  }

  @Post('return-movements/:id/cases')
  @RequirePermission('cases:write')
  @ApiOperation({
    summary:
      "Put a case you work on a planned movement, with the persons of it who return; a child's case makes it an accompanied child return",
  })
  @ApiCreatedResponse({ type: ReturnMovementDetailResponse })
  @ApiProblems(WORKABLE, PLANNED, {
    not_found: ['CASE_NOT_FOUND'],
    forbidden: ['CASE_RESTRICTED'],
    conflict: ['CASE_ALREADY_ON_RETURN', 'CASE_CLOSED'],
  })
  async addCase(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: AddReturnCaseRequest,
  ): Promise<ReturnMovementDetailResponse> {
    return ReturnMovementDetailResponse.of(await this.manifest.addCase(caller, id, body));
  }

  @Delete('return-movements/:id/cases/:caseId')
  @RequirePermission('cases:write')
  @ApiOperation({ summary: 'Take a case off a planned movement' })
  @ApiOkResponse({ type: ReturnMovementDetailResponse })
  @ApiProblems(WORKABLE, PLANNED, { not_found: ['RETURN_CASE_NOT_FOUND'] })
  async removeCase(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('caseId') caseId: string,
  ): Promise<ReturnMovementDetailResponse> {
    return ReturnMovementDetailResponse.of(await this.manifest.removeCase(caller, id, caseId));
  }

  @Post('return-movements/:id/escorts')
  @RequirePermission('cases:write')
  @ApiOperation({ summary: 'Name an escort of a planned movement' })
  @ApiCreatedResponse({ type: ReturnMovementDetailResponse })
  @ApiProblems(WORKABLE, PLANNED)
  async addEscort(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: AddEscortRequest,
  ): Promise<ReturnMovementDetailResponse> {
    return ReturnMovementDetailResponse.of(await this.manifest.addEscort(caller, id, body));
  }

  @Delete('return-movements/:id/escorts/:escortId')
  @RequirePermission('cases:write')
  @ApiOperation({ summary: 'Remove an escort from a planned movement' })
  @ApiOkResponse({ type: ReturnMovementDetailResponse })
  @ApiProblems(WORKABLE, PLANNED, { not_found: ['RETURN_ESCORT_NOT_FOUND'] })
  async removeEscort(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('escortId') escortId: string,
  ): Promise<ReturnMovementDetailResponse> {
    return ReturnMovementDetailResponse.of(await this.manifest.removeEscort(caller, id, escortId));
  }

  @Post('return-movements/:id/depart')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({
    summary:
      "The movement left: an accompanied child return needs an escort named and each child's best-interest assessment",
  })
  @ApiOkResponse({ type: ReturnMovementDetailResponse })
  @ApiProblems(WORKABLE, PLANNED, {
    conflict: [
      'RETURN_WITHOUT_CASES',
      'RETURN_ESCORT_REQUIRED',
      'BEST_INTEREST_ASSESSMENT_REQUIRED',
    ],
  })
  async depart(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: DepartRequest,
  ): Promise<ReturnMovementDetailResponse> {
    return ReturnMovementDetailResponse.of(
      await this.journey.depart(caller, id, body.actualDepartureAt),
    );
  }

  @Post('return-movements/:id/handovers')
  @RequirePermission('cases:write')
  @ApiOperation({
    summary:
      'Record the handover of a child to the child-protection authority of the country of origin',
  })
  @ApiCreatedResponse({ type: ReturnMovementDetailResponse })
  @ApiProblems(WORKABLE, IN_TRANSIT, { conflict: ['RETURN_HANDOVER_EXISTS'] })
  async handover(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: HandoverRequest,
  ): Promise<ReturnMovementDetailResponse> {
    return ReturnMovementDetailResponse.of(await this.journey.handover(caller, id, body));
  }

  @Post('return-movements/:id/complete')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({
    summary:
      "The movement arrived: each child handed over first; the return goes on every case's timeline",
  })
  @ApiOkResponse({ type: ReturnMovementDetailResponse })
  @ApiProblems(WORKABLE, IN_TRANSIT, { conflict: ['RETURN_HANDOVER_REQUIRED'] })
  async complete(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: CompleteReturnRequest,
  ): Promise<ReturnMovementDetailResponse> {
    return ReturnMovementDetailResponse.of(
      await this.journey.complete(caller, id, body.actualArrivalAt),
    );
  }

  @Post('return-movements/:id/cancel')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({ summary: 'Cancel a planned or departed movement, with the reason' })
  @ApiOkResponse({ type: ReturnMovementDetailResponse })
  @ApiProblems(WORKABLE, PLANNED)
  async cancel(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: CancelReturnRequest,
  ): Promise<ReturnMovementDetailResponse> {
    return ReturnMovementDetailResponse.of(await this.movements.cancel(caller, id, body.reason));
  }

  @Post('return-movements/:id/cases/:caseId/reintegration-referrals')
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({
    summary:
      "Refer a returned case to an organisation at origin for reintegration (a referral with service 'reintegration': consent checked at sending)",
  })
  @ApiCreatedResponse({ type: ReferralResponse, headers: LOCATION })
  @ApiProblems(WORKABLE, {
    not_found: ['RETURN_CASE_NOT_FOUND', 'CASE_NOT_FOUND'],
    forbidden: ['CASE_RESTRICTED', 'CONSENT_OVERRIDE_NOT_ALLOWED', 'ASYLUM_SAFEGUARD'],
    conflict: ['RETURN_NOT_PLANNED', 'CASE_CLOSED', 'CONSENT_REQUIRED'],
  })
  async refer(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('caseId') caseId: string,
    @Body() body: ReintegrationReferralRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReferralResponse> {
    const referral = await this.reintegration.refer(caller, id, caseId, body);
    res.setHeader('Location', `/api/v1/referrals/${referral.id}`);
    return ReferralResponse.from(referral);
  }

  @Get('cases/:id/returns')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'The return movements a case is on' })
  @ApiOkResponse({ type: CaseReturnsResponse })
  @ApiProblems({ not_found: ['CASE_NOT_FOUND'], forbidden: ['CASE_RESTRICTED'] })
  async forCase(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<CaseReturnsResponse> {
    return { items: (await this.movements.forCase(caller, id)).map(CaseReturnResponse.from) };
  }
}
