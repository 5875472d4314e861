import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, MfaResetService, RequirePermission, UserAdminService } from '@amparo/identity';
import { CurrentCaller } from '../access/current-caller.decorator';
import { Response } from 'express';
import { LOCATION } from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import {
  CreateUserRequest,
  ListUsersQuery,
  ReplaceGrantsRequest,
  ResetMfaRequest,
  UpdateUserRequest,
} from './user.requests';
import {
  ActivationResponse,
  CreatedUserResponse,
  UserPageResponse,
  UserResponse,
} from './user.responses';

const toGrants = (grants: ReplaceGrantsRequest['grants']) =>
  grants.map((g) => ({
    role: g.role,
    consulateId: g.consulateId ?? null,
    countryCode: g.countryCode ?? null,
    organisationId: g.organisationId ?? null,
  }));

const USER_NOT_FOUND = { not_found: ['USER_NOT_FOUND'] };
const NOT_OWN_ACCOUNT = { conflict: ['CANNOT_CHANGE_OWN_ACCOUNT'] };
const GRANTS = { forbidden: ['GRANT_NOT_ALLOWED'] };
/** A country admin acting on a user it could not have granted every role of (an admin, say). */
const ADMINISTRABLE = { forbidden: ['USER_ACTION_NOT_ALLOWED'] };

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UserAdminService,
    private readonly mfaResets: MfaResetService,
  ) {}

  @Post()
  @RequirePermission('users:manage')
  @ApiOperation({ summary: 'Create a user; the activation token is shown once' })
  @ApiCreatedResponse({ type: CreatedUserResponse, headers: LOCATION })
  @ApiProblems(GRANTS, { conflict: ['EMAIL_TAKEN'] })
  async create(
    @CurrentCaller() caller: Caller,
    @Body() body: CreateUserRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreatedUserResponse> {
    const created = await this.users.create(caller, { ...body, grants: toGrants(body.grants) });
    res.setHeader('Location', `/api/v1/users/${created.user.id}`);
    return {
      user: UserResponse.from(created.user),
      activationToken: created.activationToken,
      activationExpiresAt: created.activationExpiresAt.toISOString(),
    };
  }

  @Get()
  @RequirePermission('users:read')
  @ApiOperation({ summary: 'List the users you administer' })
  @ApiOkResponse({ type: UserPageResponse })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListUsersQuery,
  ): Promise<UserPageResponse> {
    const page = await this.users.list(caller, query);
    return { items: page.items.map(UserResponse.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @RequirePermission('users:read')
  @ApiOperation({ summary: 'A user you administer, with their role grants' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(USER_NOT_FOUND)
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<UserResponse> {
    return UserResponse.from(await this.users.get(caller, id));
  }

  @Patch(':id')
  @RequirePermission('users:manage')
  @ApiOperation({ summary: "Change a user's name or language" })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(USER_NOT_FOUND)
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: UpdateUserRequest,
  ): Promise<UserResponse> {
    return UserResponse.from(await this.users.update(caller, id, body));
  }

  @Put(':id/grants')
  @RequirePermission('users:manage')
  @ApiOperation({ summary: "Replace a user's role grants; their tokens stop working at once" })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(USER_NOT_FOUND, NOT_OWN_ACCOUNT, GRANTS, ADMINISTRABLE)
  async replaceGrants(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ReplaceGrantsRequest,
  ): Promise<UserResponse> {
    return UserResponse.from(await this.users.replaceGrants(caller, id, toGrants(body.grants)));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @RequirePermission('users:manage')
  @ApiOperation({ summary: 'Disable a user; their sessions end at once' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(USER_NOT_FOUND, NOT_OWN_ACCOUNT, ADMINISTRABLE)
  async disable(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<UserResponse> {
    return UserResponse.from(await this.users.setStatus(caller, id, 'disabled'));
  }

  @Post(':id/enable')
  @HttpCode(200)
  @RequirePermission('users:manage')
  @ApiOperation({ summary: 'Enable a disabled user again' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(USER_NOT_FOUND, NOT_OWN_ACCOUNT, ADMINISTRABLE)
  async enable(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<UserResponse> {
    return UserResponse.from(await this.users.setStatus(caller, id, 'active'));
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @RequirePermission('users:manage')
  @ApiOperation({ summary: 'Clear the password and issue a one-time token (shown once)' })
  @ApiOkResponse({ type: ActivationResponse })
  @ApiProblems(USER_NOT_FOUND, NOT_OWN_ACCOUNT, ADMINISTRABLE)
  async resetPassword(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
  ): Promise<ActivationResponse> {
    const issued = await this.users.resetPassword(caller, id);
    return {
      activationToken: issued.activationToken,
      activationExpiresAt: issued.activationExpiresAt.toISOString(),
    };
  }

  @Post(':id/mfa/reset')
  @HttpCode(200)
  @RequirePermission('users:manage')
  @ApiOperation({
    summary:
      "Reset a user's MFA (lost authenticator and recovery codes): their sessions end and the next sign-in enrols again",
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems({
    ...USER_NOT_FOUND,
    forbidden: ['MFA_RESET_NOT_ALLOWED', 'CANNOT_RESET_OWN_MFA', 'USER_ACTION_NOT_ALLOWED'],
    conflict: ['MFA_NOT_ENABLED'],
  })
  async resetMfa(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: ResetMfaRequest,
  ): Promise<UserResponse> {
    return UserResponse.from(await this.mfaResets.reset(caller, id, body.reason));
  }
}
