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
import {
  CaseAbilitiesPolicy,
  ChildWhereaboutsPolicy,
  CaseAccess,
  CaseAssignmentService,
  CaseChangesService,
  CaseListingService,
  CasePerson,
  CaseRecord,
  CaseRegistrationService,
  PersonsService,
  PossibleDuplicate,
  WhereaboutsDecision,
} from '@amparo/cases';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Response } from 'express';
import { Idempotent } from '../http/idempotency.interceptor';
import { ETAG, IDEMPOTENCY_KEY, IF_MATCH, LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import { PageOf } from '../http/page.response';
import {
  AssignmentRequest,
  CreateCaseRequest,
  ListCasesQuery,
  TransitionRequestBody,
  UpdateCaseRequest,
} from './case.requests';
import { AssignableOfficersResponse } from './assignable-officers.response';
import { CaseDetailResponse, CaseResponse, CreatedCaseResponse } from './case.responses';
import { etagOf, versionFromIfMatch } from './version-tag';

/** What `CaseLookup.readable` refuses: a case outside your scope, or restricted (T3). */
const READABLE = { not_found: ['CASE_NOT_FOUND'], forbidden: ['CASE_RESTRICTED'] };

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly registration: CaseRegistrationService,
    private readonly listing: CaseListingService,
    private readonly changes: CaseChangesService,
    private readonly assignment: CaseAssignmentService,
    private readonly persons: PersonsService,
    private readonly access: CaseAccess,
    private readonly abilities: CaseAbilitiesPolicy,
    private readonly whereabouts: ChildWhereaboutsPolicy,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermission('cases:write')
  @ApiHeader(IDEMPOTENCY_KEY)
  @ApiOperation({
    summary:
      'Register a case at one of your posts; possibleDuplicates lists persons who may be the same',
  })
  @ApiCreatedResponse({ type: CreatedCaseResponse, headers: { ...LOCATION, ...ETAG } })
  @ApiProblems({
    forbidden: ['NOT_YOUR_POST', 'RESTRICTION_NEEDS_CONSUL'],
    conflict: ['CONSULATE_INACTIVE'],
    unprocessable: ['OFFICER_NOT_AT_POST'],
  })
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateCaseRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDetailResponse & { possibleDuplicates: PossibleDuplicate[] }> {
    const {
      case: created,
      persons,
      possibleDuplicates,
    } = await this.registration.create(caller, body);
    res.setHeader('Location', `/api/v1/cases/${created.id}`);
    res.setHeader('ETag', etagOf(created.version));
    return {
      ...CaseDetailResponse.of(
        created,
        persons,
        await this.abilities.of(
          caller,
          created,
          persons.map((p) => p.person),
        ),
      ),
      possibleDuplicates,
    };
  }

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'Cases in your scope; identifying fields only for cases you work' })
  @ApiOkResponse({ type: PageOf(CaseResponse) })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListCasesQuery,
  ): Promise<{ items: CaseResponse[]; nextCursor: string | null }> {
    const { primaries, personAges, ...page } = await this.listing.list(caller, query);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((c) =>
        CaseResponse.listItem(
          this.whereabouts.listed(caller, c, personAges.get(c.id) ?? []),
          primaries.get(c.primaryPersonId),
          this.access.worksCase(caller, c) && this.access.seesRestrictedContent(caller, c),
          this.access.seesRestrictedContent(caller, c),
        ),
      ),
    };
  }

  @Get(':id')
  @RequirePermission('cases:read')
  @ApiOperation({ summary: 'A case with its persons; its ETag is the version to send in If-Match' })
  @ApiOkResponse({ type: CaseDetailResponse, headers: ETAG })
  @ApiProblems(READABLE)
  async get(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDetailResponse> {
    const { found, persons, whereabouts } = await this.listing.get(caller, id);
    return this.full(caller, found, res, { persons, whereabouts });
  }

  @Patch(':id')
  @RequirePermission('cases:write')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Change fields of a case you work; each change goes to its history' })
  @ApiOkResponse({ type: CaseDetailResponse, headers: ETAG })
  @ApiProblems(READABLE, { forbidden: ['FORBIDDEN', 'RESTRICTION_NEEDS_CONSUL'] })
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateCaseRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDetailResponse> {
    return this.full(
      caller,
      await this.changes.update(caller, id, versionFromIfMatch(ifMatch), body),
      res,
    );
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission('cases:read')
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary:
      'Move the case through its workflow (docs/workflow.md); roles are checked per transition',
  })
  @ApiOkResponse({ type: CaseDetailResponse, headers: ETAG })
  @ApiProblems(READABLE, {
    conflict: ['INVALID_TRANSITION', 'BEST_INTEREST_ASSESSMENT_REQUIRED'],
    forbidden: ['TRANSITION_FORBIDDEN', 'CLOSURE_NEEDS_CONSUL', 'SUPERVISOR_POST_HAS_CONSUL'],
  })
  async transition(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: TransitionRequestBody,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDetailResponse> {
    return this.full(
      caller,
      await this.changes.transition(caller, id, versionFromIfMatch(ifMatch), body),
      res,
    );
  }

  @Post(':id/assignment')
  @HttpCode(200)
  @RequirePermission('cases:assign')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Assign the case to an officer of its post' })
  @ApiOkResponse({ type: CaseDetailResponse, headers: ETAG })
  @ApiProblems(READABLE, { unprocessable: ['OFFICER_NOT_AT_POST'] })
  async assign(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: AssignmentRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseDetailResponse> {
    return this.full(
      caller,
      await this.assignment.assign(caller, id, versionFromIfMatch(ifMatch), body.officerId),
      res,
    );
  }

  @Get(':id/assignable-officers')
  @RequirePermission('cases:assign')
  @ApiOperation({
    summary: 'Who may be assigned the case: the active officers and consuls of its post, by name',
  })
  @ApiOkResponse({ type: AssignableOfficersResponse })
  @ApiProblems(READABLE, { forbidden: ['FORBIDDEN'] })
  async assignableOfficers(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<AssignableOfficersResponse> {
    return { items: await this.assignment.assignableOfficers(caller, id) };
  }

  /** `known`: what was already read with the case, in its transaction. */
  private async full(
    caller: Caller,
    c: CaseRecord,
    res: Response,
    known?: { persons: CasePerson[]; whereabouts: WhereaboutsDecision },
  ): Promise<CaseDetailResponse> {
    res.setHeader('ETag', etagOf(c.version));
    const persons = known?.persons ?? (await this.persons.ofCases(caller, [c.id])).get(c.id) ?? [];
    const view = await this.whereabouts.view(caller, c, persons, undefined, known?.whereabouts);
    return CaseDetailResponse.of(
      view.case,
      view.persons,
      await this.abilities.of(
        caller,
        c,
        persons.map((p) => p.person),
      ),
      view.masked,
    );
  }
}
