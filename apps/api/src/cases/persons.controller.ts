import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@amparo/audit';
import { PersonsService } from '@amparo/cases';
import { DEFAULT_PAGE_SIZE } from '@amparo/core';
import { Caller, RequirePermission, actorOf } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { SearchPersonsQuery } from './case.requests';
import { PageOf } from '../http/page.response';
import { FoundPersonResponse } from './found-person.response';

@ApiTags('cases')
@Controller('persons')
export class PersonsController {
  constructor(
    private readonly persons: PersonsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @RequirePermission('cases:read')
  @ApiOperation({
    summary:
      'Persons of the cases you may read, by name (typos and word order tolerated) or document number; identifying fields masked unless you work one of their cases',
  })
  @ApiOkResponse({ type: PageOf(FoundPersonResponse) })
  async search(
    @CurrentCaller() caller: Caller,
    @Query() query: SearchPersonsQuery,
  ): Promise<{ items: FoundPersonResponse[]; nextCursor: null }> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const found = await this.persons.search(caller, query.q, limit, (persons, manager) =>
      this.audit.record(
        {
          action: 'person.search',
          outcome: 'success',
          actor: actorOf(caller),
          resourceType: 'person',
          countryCode: caller.countryCode,
          details: { returned: persons.length },
        },
        manager,
      ),
    );
    return { items: found.map((p) => FoundPersonResponse.found(p)), nextCursor: null };
  }
}
