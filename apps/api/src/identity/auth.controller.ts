import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  AuthService,
  Authenticated,
  Caller,
  CurrentCaller,
  CurrentMfaSubject,
  LoginResult,
  MfaEnrolment,
  MfaSubject,
  Public,
  SessionTokens,
  UserWithGrants,
} from '@amparo/identity';
import { Request } from 'express';
import { ApiProblems } from '../http/openapi-problems.decorator';
import {
  ActivateRequest,
  ChangePasswordRequest,
  MfaConfirmRequest,
  MfaEnrolRequest,
  MfaVerifyRequest,
  RefreshRequest,
} from './auth.requests';
import {
  MfaChallengeResponse,
  MfaEnabledResponse,
  MfaEnrolmentResponse,
  SessionTokensResponse,
} from './auth.responses';
import { LoginGuard } from './login.guard';
import { LoginRequest } from './login.request';

const WEAK_PASSWORD = { invalid: ['WEAK_PASSWORD'] };

@ApiTags('auth')
@ApiExtraModels(SessionTokensResponse, MfaChallengeResponse)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public('Signing in')
  @UseGuards(LoginGuard)
  @ApiOperation({ summary: 'Sign in: tokens, or the MFA step the account needs' })
  @ApiOkResponse({
    description: 'Signed in, or a challenge for the second factor',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(SessionTokensResponse) },
        { $ref: getSchemaPath(MfaChallengeResponse) },
      ],
    },
  })
  @ApiProblems({
    unauthenticated: ['INVALID_CREDENTIALS'],
    too_many_requests: ['TOO_MANY_ATTEMPTS'],
  })
  login(
    @Body() _body: LoginRequest,
    @Req() req: Request & { user: UserWithGrants },
  ): Promise<LoginResult> {
    return this.auth.startSession(req.user);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public('Holders of a refresh token renew their session')
  @ApiOperation({ summary: 'Rotate a refresh token (each works once; reuse revokes the session)' })
  @ApiOkResponse({ type: SessionTokensResponse })
  @ApiProblems({ unauthenticated: ['INVALID_REFRESH_TOKEN'] })
  refresh(@Body() body: RefreshRequest): Promise<SessionTokens> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End this session; its tokens stop working at once' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@CurrentCaller() caller: Caller): Promise<void> {
    await this.auth.logout(caller);
  }

  @Post('activate')
  @HttpCode(204)
  @Public('New users and password resets carry a one-time token instead of a session')
  @ApiOperation({ summary: 'Set a password with a one-time activation or reset token' })
  @ApiNoContentResponse({ description: 'Password set; sign in with it' })
  @ApiProblems(WEAK_PASSWORD, { invalid: ['INVALID_ACTIVATION_TOKEN'] })
  async activate(@Body() body: ActivateRequest): Promise<void> {
    await this.auth.activate(body.token, body.password);
  }

  @Post('password')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Change your password (needs the current one); other sessions end' })
  @ApiOkResponse({ type: SessionTokensResponse, description: 'New tokens for this session' })
  @ApiProblems(WEAK_PASSWORD, { invalid: ['WRONG_CURRENT_PASSWORD'] })
  changePassword(
    @CurrentCaller() caller: Caller,
    @Body() body: ChangePasswordRequest,
  ): Promise<SessionTokens> {
    return this.auth.changePassword(caller, body.currentPassword, body.newPassword);
  }

  @Post('mfa/enrol')
  @HttpCode(200)
  @Authenticated({ acceptsEnrolmentChallenge: true })
  @ApiOperation({
    summary: 'Start TOTP enrolment: the secret and otpauth URI for an authenticator app',
  })
  @ApiOkResponse({ type: MfaEnrolmentResponse })
  @ApiProblems({ conflict: ['MFA_ALREADY_ENABLED'] })
  enrol(
    @CurrentMfaSubject() subject: MfaSubject,
    @Body() _body: MfaEnrolRequest,
  ): Promise<MfaEnrolment> {
    return this.auth.enrolMfa(subject);
  }

  @Post('mfa/confirm')
  @HttpCode(200)
  @Authenticated({ acceptsEnrolmentChallenge: true })
  @ApiOperation({
    summary: 'Confirm enrolment with a first code; during sign-in this returns the tokens',
  })
  @ApiOkResponse({
    description: 'Tokens when enrolling during sign-in; otherwise confirmation',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(SessionTokensResponse) },
        { $ref: getSchemaPath(MfaEnabledResponse) },
      ],
    },
  })
  @ApiExtraModels(MfaEnabledResponse)
  @ApiProblems({
    conflict: ['MFA_ALREADY_ENABLED', 'MFA_NOT_ENROLLED'],
    unauthenticated: ['MFA_CODE_INVALID'],
  })
  confirm(
    @CurrentMfaSubject() subject: MfaSubject,
    @Body() body: MfaConfirmRequest,
  ): Promise<SessionTokens | { mfaEnabled: true }> {
    return this.auth.confirmMfa(subject, body.code);
  }

  @Post('mfa/verify')
  @HttpCode(200)
  @Public('Second step of signing in, carried by the challenge token')
  @ApiOperation({ summary: 'Complete sign-in with a TOTP code' })
  @ApiOkResponse({ type: SessionTokensResponse })
  @ApiProblems({
    unauthenticated: ['INVALID_CHALLENGE', 'MFA_CODE_INVALID'],
    conflict: ['MFA_NOT_ENROLLED'],
  })
  verify(@Body() body: MfaVerifyRequest): Promise<SessionTokens> {
    return this.auth.verifyMfa(body.challengeToken, body.code);
  }
}
