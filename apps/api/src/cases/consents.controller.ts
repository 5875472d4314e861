import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CaseConsentsService } from '@amparo/cases';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import {
  CaseConsentsResponse,
  ConsentOverrideResponse,
  ConsentResponse,
  ListConsentOverridesQuery,
  RecordConsentRequest,
  ReviewConsentOverrideRequest,
  WithdrawConsentRequest,
} from './consent.dto';

const READABLE = { not_found: ['CASE_NOT_FOUND'], forbidden: ['CASE_RESTRICTED'] };
const WRITABLE = { ...READABLE, forbidden: ['CASE_RESTRICTED', 'FORBIDDEN'] };

@ApiTags('cases')
@Controller()
export class ConsentsController {
  constructor(private readonly consents: CaseConsentsService) {}

  @Get('cases/:id/consents')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary: "The consents of a case's persons (current, replaced, withdrawn) and its overrides",
  })
  @ApiOkResponse({ type: CaseConsentsResponse })
  @ApiProblems(READABLE)
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<CaseConsentsResponse> {
    const { consents, overrides } = await this.consents.list(caller, id);
    return {
      consents: consents.map(ConsentResponse.from),
      overrides: overrides.map(ConsentOverrideResponse.from),
    };
  }

  @Post('cases/:id/consents')
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({
    summary: "Record a person's consent (replaces their current one on the case)",
  })
  @ApiCreatedResponse({ type: ConsentResponse })
  @ApiProblems({ ...WRITABLE, conflict: ['CASE_CLOSED'] })
  async record(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: RecordConsentRequest,
  ): Promise<ConsentResponse> {
    return ConsentResponse.from(await this.consents.record(caller, id, body));
  }

  @Post('cases/:id/consents/:consentId/withdraw')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({
    summary:
      'The person withdraws a consent: nothing more is disclosed on it and what waits to be sent stops',
  })
  @ApiOkResponse({ type: ConsentResponse })
  @ApiProblems({
    ...WRITABLE,
    not_found: ['CASE_NOT_FOUND', 'CONSENT_NOT_FOUND'],
    conflict: ['CONSENT_NOT_CURRENT'],
  })
  async withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Param('consentId') consentId: string,
    @Body() body: WithdrawConsentRequest,
  ): Promise<ConsentResponse> {
    return ConsentResponse.from(await this.consents.withdraw(caller, id, consentId, body));
  }

  @Get('consent-overrides')
  @RequirePermission('consent:review_overrides')
  @ApiOperation({
    summary: "Disclosures made without consent by a consul's decision, for review",
  })
  @ApiOkResponse({ type: PageOf(ConsentOverrideResponse) })
  async listOverrides(
    @CurrentCaller() caller: Caller,
    @Query() query: ListConsentOverridesQuery,
  ): Promise<{ items: ConsentOverrideResponse[]; nextCursor: null }> {
    const items = await this.consents.listOverrides(caller, query.status ?? 'unreviewed');
    return { items: items.map(ConsentOverrideResponse.from), nextCursor: null };
  }

  @Post('consent-overrides/:id/review')
  @HttpCode(200)
  @RequirePermission('consent:review_overrides')
  @ApiOperation({
    summary: 'Review a consent override (another consul of the post, or a supervisor)',
  })
  @ApiOkResponse({ type: ConsentOverrideResponse })
  @ApiProblems({
    not_found: ['CONSENT_OVERRIDE_NOT_FOUND'],
    conflict: ['CONSENT_OVERRIDE_REVIEWED'],
    forbidden: ['CONSENT_OVERRIDE_OWN'],
  })
  async review(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ReviewConsentOverrideRequest,
  ): Promise<ConsentOverrideResponse> {
    return ConsentOverrideResponse.from(await this.consents.reviewOverride(caller, id, body.note));
  }
}
