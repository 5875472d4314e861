import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationsService } from '@amparo/directory';
import { Caller, RequirePermission } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { OrganisationResponse, UpdateOwnOrganisationRequest } from './organisation.dto';

/** An organisation focal point's own directory entry; the organisation is the one of their grant. */
@ApiTags('directory')
@Controller('my-organisation')
export class MyOrganisationController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePermission('organisation:edit_own')
  @ApiOperation({ summary: 'The directory entry of the organisation you are the focal point of' })
  @ApiOkResponse({ type: OrganisationResponse })
  async get(@CurrentCaller() caller: Caller): Promise<OrganisationResponse> {
    return OrganisationResponse.from(await this.organisations.getOwn(caller));
  }

  @Patch()
  @RequirePermission('organisation:edit_own')
  @ApiOperation({
    summary:
      "Update your organisation's directory entry (not whether it is active, nor its managing country)",
  })
  @ApiOkResponse({ type: OrganisationResponse })
  async update(
    @CurrentCaller() caller: Caller,
    @Body() body: UpdateOwnOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return OrganisationResponse.from(await this.organisations.updateOwn(caller, body));
  }
}
