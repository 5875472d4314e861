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
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Caller, RequirePermission } from '@amparo/identity';
import {
  OrganisationReferralsService,
  ReferralLetterService,
  ReferralStepsService,
} from '@amparo/referrals';
import { Response } from 'express';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Idempotent } from '../http/idempotency.interceptor';
import { IDEMPOTENCY_KEY, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import { DisclosurePreviewResponse } from './disclosure.dto';
import {
  AnswerReferralRequest,
  CompleteReferralRequest,
  CreateReferralRequest,
  LetterQuery,
  ListReferralsQuery,
  ReferralCandidatesQuery,
  ReferralCandidatesResponse,
  ReferralPreviewRequest,
  ReferralResponse,
  RevokeReferralRequest,
} from './referral.dto';

const CASE_READABLE = { not_found: ['CASE_NOT_FOUND'], forbidden: ['CASE_RESTRICTED'] };
const CASE_WORKABLE = {
  not_found: ['CASE_NOT_FOUND'],
  forbidden: ['CASE_RESTRICTED', 'FORBIDDEN'],
};
const REFERRAL = {
  not_found: ['REFERRAL_NOT_FOUND', 'CASE_NOT_FOUND'],
  forbidden: ['CASE_RESTRICTED', 'FORBIDDEN'],
};

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(
    private readonly referrals: OrganisationReferralsService,
    private readonly steps: ReferralStepsService,
    private readonly letters: ReferralLetterService,
  ) {}

  @Get('cases/:id/referral-candidates')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'Active organisations ranked by how they match the case: services, coverage of its place, languages',
  })
  @ApiOkResponse({ type: ReferralCandidatesResponse })
  @ApiProblems(CASE_WORKABLE)
  async candidates(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: ReferralCandidatesQuery,
  ): Promise<ReferralCandidatesResponse> {
    const candidates = await this.referrals.candidates(caller, id, query);
    return {
      items: candidates.map(({ organisation: o, matches }) => ({
        organisation: {
          id: o.id,
          name: o.name,
          acronym: o.acronym,
          type: o.type,
          services: o.services,
          languages: o.languages,
          coverageCountries: o.coverageCountries,
          coverageSubdivisions: o.coverageSubdivisions,
          email: o.email,
          phone: o.phone,
        },
        matches,
      })),
    };
  }

  @Post('cases/:id/referrals/preview')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({
    summary:
      'Exactly what a referral would disclose to the organisation, and what blocks it (nothing is sent)',
  })
  @ApiOkResponse({ type: DisclosurePreviewResponse })
  @ApiProblems(CASE_WORKABLE)
  async preview(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ReferralPreviewRequest,
  ): Promise<DisclosurePreviewResponse> {
    return this.referrals.preview(caller, id, body);
  }

  @Post('cases/:id/referrals')
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({
    summary:
      "Refer the case to an organisation: the persons' consent is checked at sending; a consul may override it with a reason",
  })
  @ApiCreatedResponse({ type: ReferralResponse, headers: LOCATION })
  @ApiProblems(CASE_WORKABLE, {
    conflict: ['CASE_CLOSED', 'CONSENT_REQUIRED'],
    forbidden: ['CONSENT_OVERRIDE_NOT_ALLOWED', 'ASYLUM_SAFEGUARD'],
  })
  async create(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: CreateReferralRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReferralResponse> {
    const referral = await this.referrals.create(caller, id, body);
    res.setHeader('Location', `/api/v1/referrals/${referral.id}`);
    return ReferralResponse.from(referral);
  }

  @Get('cases/:id/referrals')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'The referrals of a case to organisations, newest first' })
  @ApiOkResponse({ type: PageOf(ReferralResponse) })
  @ApiProblems(CASE_READABLE)
  async listForCase(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<{ items: ReferralResponse[]; nextCursor: null }> {
    const items = await this.referrals.listForCase(caller, id);
    return { items: items.map(ReferralResponse.from), nextCursor: null };
  }

  @Get('referrals')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      "Referrals of the caller's posts (a supervisor: of the country), newest first, for the work queues",
  })
  @ApiOkResponse({ type: PageOf(ReferralResponse) })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListReferralsQuery,
  ): Promise<{ items: ReferralResponse[]; nextCursor: string | null }> {
    const page = await this.referrals.list(caller, query);
    return { items: page.items.map(ReferralResponse.from), nextCursor: page.nextCursor };
  }

  @Get('referrals/:id')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'A referral, with exactly what it disclosed' })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiProblems({
    not_found: ['REFERRAL_NOT_FOUND', 'CASE_NOT_FOUND'],
    forbidden: ['CASE_RESTRICTED'],
  })
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<ReferralResponse> {
    return ReferralResponse.from(await this.referrals.get(caller, id));
  }

  @Post('referrals/:id/answer')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({ summary: "Record the organisation's answer to a pending referral" })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiProblems(REFERRAL, { conflict: ['REFERRAL_NOT_PENDING'] })
  async answer(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: AnswerReferralRequest,
  ): Promise<ReferralResponse> {
    return ReferralResponse.from(await this.steps.answer(caller, id, body));
  }

  @Post('referrals/:id/complete')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({ summary: 'Mark an accepted referral completed' })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiProblems(REFERRAL, { conflict: ['REFERRAL_NOT_ACCEPTED'] })
  async complete(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: CompleteReferralRequest,
  ): Promise<ReferralResponse> {
    return ReferralResponse.from(await this.steps.complete(caller, id, body));
  }

  @Post('referrals/:id/revoke')
  @HttpCode(200)
  @RequirePermission('cases:write')
  @ApiOperation({ summary: 'The sending post revokes a pending or accepted referral' })
  @ApiOkResponse({ type: ReferralResponse })
  @ApiProblems(REFERRAL, { conflict: ['REFERRAL_NOT_REVOCABLE'] })
  async revoke(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: RevokeReferralRequest,
  ): Promise<ReferralResponse> {
    return ReferralResponse.from(await this.steps.revoke(caller, id, body));
  }

  @Get('referrals/:id/letter')
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      "The referral letter to the organisation (PDF, es or en); printing it is a disclosure: the post's staff only, audited",
  })
  @ApiOkResponse({
    description: 'A one- or two-page PDF letter',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': { description: 'attachment; filename=…', schema: { type: 'string' } },
    },
  })
  @ApiProblems(REFERRAL, { conflict: ['REFERRAL_REVOKED'] })
  async letter(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: LetterQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { filename, pdf } = await this.letters.letter(caller, id, query.lang ?? caller.locale);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('Content-Length', String(pdf.length));
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf);
  }
}
