import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller, OwnAccountService, PERMISSIONS } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { UpdateMeRequest } from './me.requests';
import { GrantResponse } from './user.responses';

export class MeResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ['es', 'en'] })
  locale!: string;

  @ApiProperty({ nullable: true, type: String })
  countryCode!: string | null;

  @ApiProperty()
  mfaEnabled!: boolean;

  @ApiProperty({ type: [GrantResponse] })
  grants!: GrantResponse[];

  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  permissions!: string[];

  static from(caller: Caller): MeResponse {
    return {
      id: caller.userId,
      email: caller.email,
      displayName: caller.displayName,
      locale: caller.locale,
      countryCode: caller.countryCode,
      mfaEnabled: caller.mfaEnabled,
      grants: caller.grants.map(GrantResponse.from),
      permissions: [...caller.permissions].sort(),
    };
  }
}

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly ownAccount: OwnAccountService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Who you are: your grants and the permissions they give' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentCaller() caller: Caller): MeResponse {
    return MeResponse.from(caller);
  }

  @Patch()
  @Authenticated()
  @ApiOperation({ summary: 'Change your language (remembered for your next sign-in)' })
  @ApiOkResponse({ type: MeResponse })
  async update(
    @CurrentCaller() caller: Caller,
    @Body() body: UpdateMeRequest,
  ): Promise<MeResponse> {
    return MeResponse.from(await this.ownAccount.setLocale(caller, body.locale));
  }
}
