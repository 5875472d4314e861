import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@amparo/audit';
import { CaseAccess, PersonsService } from '@amparo/cases';
import { DEFAULT_PAGE_SIZE } from '@amparo/core';
import { Caller, CurrentCaller, RequirePermission } from '@amparo/identity';
import { SearchPersonsQuery } from './case.requests';
import { PageOf } from '../http/page.response';
import { PersonMatchResponse, PersonResponse } from './case.responses';

@ApiTags('cases')
@Controller('persons')
export class PersonsController {
  constructor(
    private readonly persons: PersonsService,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'Persons of the cases you may see, by name (typos and word order tolerated) or document number',
  })
  @ApiOkResponse({ type: PageOf(PersonMatchResponse) })
  async search(
    @CurrentCaller() caller: Caller,
    @Query() query: SearchPersonsQuery,
  ): Promise<{
    items: (PersonResponse & { score: number; caseIds: string[] })[];
    nextCursor: null;
  }> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const found = await this.persons.search(
      (where) => this.access.restrictToScope(where, caller),
      query.q,
      limit,
    );
    await this.audit.record({
      action: 'person.search',
      outcome: 'success',
      actor: { userId: caller.userId, roles: caller.roles },
      resourceType: 'person',
      countryCode: caller.countryCode,
      details: { returned: found.length },
    });
    return {
      items: found.map((p) => ({ ...PersonResponse.from(p), score: p.score, caseIds: p.caseIds })),
      nextCursor: null,
    };
  }
}
