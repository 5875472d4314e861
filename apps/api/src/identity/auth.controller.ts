import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
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
  LoginResult,
  MfaConfirmation,
  MfaEnrolment,
  MfaRecoveryService,
  MfaReplaced,
  MfaReplacementService,
  MfaSubject,
  Public,
  RecoverySession,
  SessionTokens,
  UserWithGrants,
} from '@amparo/identity';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { CurrentCaller, CurrentMfaSubject } from '../access/current-caller.decorator';
import { AuthenticatedRequest } from '../access/authenticated-request';
import {
  REFRESH_COOKIE,
  clearedRefreshCookieOptions,
  refreshCookieOf,
} from '../access/refresh-cookie';
import { Request, Response } from 'express';
import {
  CLEAR_REFRESH_COOKIE,
  ApiRefreshCookie,
  SET_REFRESH_COOKIE,
} from '../http/openapi-headers';
import { ApiProblems } from '../http/openapi-problems.decorator';
import {
  ActivateRequest,
  ChangePasswordRequest,
  MfaConfirmRequest,
  MfaEnrolRequest,
  MfaVerifyRequest,
  RefreshRequest,
  ConfirmMfaReplacementRequest,
  RegenerateRecoveryCodesRequest,
  StartMfaReplacementRequest,
} from './auth.requests';
import {
  EnrolledSessionResponse,
  MfaChallengeResponse,
  MfaEnabledResponse,
  MfaEnrolmentResponse,
  SessionTokensResponse,
} from './auth.responses';
import { LoginGuard } from './login.guard';
import { RefreshCookieInterceptor } from './refresh-cookie.interceptor';
import { LoginRequest } from './login.request';
import {
  MfaReplacedResponse,
  MfaReplacementStartedResponse,
  MfaStatusResponse,
  MfaVerifiedResponse,
  RecoveryCodesResponse,
} from './mfa.responses';

const WEAK_PASSWORD = { invalid: ['WEAK_PASSWORD'] };

@ApiTags('auth')
@ApiExtraModels(SessionTokensResponse, MfaChallengeResponse)
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly mfaRecovery: MfaRecoveryService,
    private readonly mfaReplacement: MfaReplacementService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public('Signing in')
  @UseGuards(LoginGuard)
  @UseInterceptors(RefreshCookieInterceptor)
  @ApiOperation({ summary: 'Sign in: tokens, or the MFA step the account needs' })
  @ApiOkResponse({
    description: 'Signed in, or a challenge for the second factor',
    headers: SET_REFRESH_COOKIE,
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
  @UseInterceptors(RefreshCookieInterceptor)
  @ApiOperation({
    summary:
      'Rotate a refresh token, from the body or else the amparo_refresh cookie (each works once; reuse revokes the session)',
  })
  @ApiRefreshCookie()
  @ApiOkResponse({ type: SessionTokensResponse, headers: SET_REFRESH_COOKIE })
  @ApiProblems({ unauthenticated: ['INVALID_REFRESH_TOKEN'] })
  refresh(@Body() body: RefreshRequest, @Req() req: Request): Promise<SessionTokens> {
    return this.auth.refresh(body.refreshToken ?? refreshCookieOf(req));
  }

  /**
   * With a bearer token, ends that token's session; a browser whose access token is gone (a reload
   * while the API was down, say) signs out with the refresh cookie alone. Either way the cookie is
   * cleared, so a shared computer keeps no way back into the session.
   */
  @Post('logout')
  @HttpCode(204)
  @Authenticated({ acceptsRefreshToken: true })
  @ApiOperation({
    summary:
      'End this session (bearer token, or the amparo_refresh cookie alone); its tokens stop working at once',
  })
  @ApiNoContentResponse({ description: 'Signed out', headers: CLEAR_REFRESH_COOKIE })
  async logout(
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (req.user) await this.auth.logout(req.user);
    else await this.auth.logoutWithRefreshToken(req.refreshToken!);
    res.clearCookie(REFRESH_COOKIE, clearedRefreshCookieOptions(this.config, req));
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
  @UseInterceptors(RefreshCookieInterceptor)
  @ApiOperation({ summary: 'Change your password (needs the current one); other sessions end' })
  @ApiOkResponse({
    type: SessionTokensResponse,
    description: 'New tokens for this session',
    headers: SET_REFRESH_COOKIE,
  })
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
  @UseInterceptors(RefreshCookieInterceptor)
  @ApiOperation({
    summary:
      'Confirm enrolment with a first code: the recovery codes (shown once) and, during sign-in, the tokens',
  })
  @ApiOkResponse({
    headers: SET_REFRESH_COOKIE,
    description:
      'Tokens and recovery codes when enrolling during sign-in; otherwise confirmation and recovery codes',
    schema: {
      oneOf: [
        { $ref: getSchemaPath(EnrolledSessionResponse) },
        { $ref: getSchemaPath(MfaEnabledResponse) },
      ],
    },
  })
  @ApiExtraModels(MfaEnabledResponse, EnrolledSessionResponse)
  @ApiProblems({
    conflict: ['MFA_ALREADY_ENABLED', 'MFA_NOT_ENROLLED'],
    unauthenticated: ['MFA_CODE_INVALID'],
  })
  confirm(
    @CurrentMfaSubject() subject: MfaSubject,
    @Body() body: MfaConfirmRequest,
  ): Promise<MfaConfirmation> {
    return this.auth.confirmMfa(subject, body.code);
  }

  @Post('mfa/verify')
  @HttpCode(200)
  @Public('Second step of signing in, carried by the challenge token')
  @UseInterceptors(RefreshCookieInterceptor)
  @ApiOperation({ summary: 'Complete sign-in with a TOTP code, or with a recovery code (once)' })
  @ApiOkResponse({ type: MfaVerifiedResponse, headers: SET_REFRESH_COOKIE })
  @ApiProblems({
    unauthenticated: ['INVALID_CHALLENGE', 'MFA_CODE_INVALID', 'MFA_RECOVERY_CODE_INVALID'],
    conflict: ['MFA_NOT_ENROLLED'],
  })
  verify(@Body() body: MfaVerifyRequest): Promise<SessionTokens | RecoverySession> {
    return this.auth.verifyMfa(
      body.challengeToken,
      body.recoveryCode !== undefined ? { recoveryCode: body.recoveryCode } : { code: body.code! },
    );
  }

  @Get('mfa')
  @Authenticated()
  @ApiOperation({ summary: 'Whether MFA is on, and how many recovery codes are left' })
  @ApiOkResponse({ type: MfaStatusResponse })
  async mfaStatus(@CurrentCaller() caller: Caller): Promise<MfaStatusResponse> {
    return MfaStatusResponse.from(await this.mfaRecovery.status(caller));
  }

  @Post('mfa/recovery-codes')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary:
      'Replace your recovery codes with a new set (needs a current TOTP code); the old set stops working',
  })
  @ApiOkResponse({ type: RecoveryCodesResponse })
  @ApiProblems({
    unauthenticated: ['MFA_CODE_INVALID'],
    conflict: ['MFA_NOT_ENABLED', 'MFA_NOT_ENROLLED'],
  })
  async regenerateRecoveryCodes(
    @CurrentCaller() caller: Caller,
    @Body() body: RegenerateRecoveryCodesRequest,
  ): Promise<RecoveryCodesResponse> {
    return { recoveryCodes: await this.mfaRecovery.regenerate(caller, body.code) };
  }

  @Post('mfa/replacement')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary:
      'Start moving TOTP to a new authenticator (lost or changed phone): needs the current password, within 10 minutes of a sign-in with TOTP or a recovery code; nothing changes until confirmed',
  })
  @ApiOkResponse({ type: MfaReplacementStartedResponse })
  @ApiProblems({
    invalid: ['WRONG_CURRENT_PASSWORD'],
    forbidden: ['MFA_REAUTHENTICATION_REQUIRED'],
    conflict: ['MFA_NOT_ENABLED'],
  })
  async startMfaReplacement(
    @CurrentCaller() caller: Caller,
    @Body() body: StartMfaReplacementRequest,
  ): Promise<MfaReplacementStartedResponse> {
    return MfaReplacementStartedResponse.from(
      await this.mfaReplacement.start(caller, body.currentPassword),
    );
  }

  @Post('mfa/replacement/confirm')
  @HttpCode(200)
  @Authenticated()
  @UseInterceptors(RefreshCookieInterceptor)
  @ApiOperation({
    summary:
      'Confirm the replacement with a code from the new authenticator, in the session that started it: the new recovery codes (shown once) and a new session; every other session ends',
  })
  @ApiOkResponse({ type: MfaReplacedResponse, headers: SET_REFRESH_COOKIE })
  @ApiProblems({
    unauthenticated: ['MFA_CODE_INVALID'],
    conflict: ['MFA_REPLACEMENT_NOT_STARTED', 'MFA_NOT_ENABLED'],
  })
  confirmMfaReplacement(
    @CurrentCaller() caller: Caller,
    @Body() body: ConfirmMfaReplacementRequest,
  ): Promise<MfaReplaced> {
    return this.mfaReplacement.confirm(caller, body.code);
  }
}
