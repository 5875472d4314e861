import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AuthService,
  Authenticated,
  Caller,
  CurrentCaller,
  CurrentMfaSubject,
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
import { Request } from 'express';
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
import { LoginGuard } from './login.guard';
import { LoginRequest } from './login.request';
import {
  MfaReplacementStartedResponse,
  MfaStatusResponse,
  RecoveryCodesResponse,
} from './mfa.responses';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly mfaRecovery: MfaRecoveryService,
    private readonly mfaReplacement: MfaReplacementService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public('Signing in')
  @UseGuards(LoginGuard)
  @ApiOperation({ summary: 'Sign in: tokens, or the MFA step the account needs' })
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
  refresh(@Body() body: RefreshRequest): Promise<SessionTokens> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session; its tokens stop working at once' })
  async logout(@CurrentCaller() caller: Caller): Promise<void> {
    await this.auth.logout(caller);
  }

  @Post('activate')
  @HttpCode(204)
  @Public('New users and password resets carry a one-time token instead of a session')
  @ApiOperation({ summary: 'Set a password with a one-time activation or reset token' })
  async activate(@Body() body: ActivateRequest): Promise<void> {
    await this.auth.activate(body.token, body.password);
  }

  @Post('password')
  @HttpCode(200)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your password (needs the current one); other sessions end' })
  changePassword(
    @CurrentCaller() caller: Caller,
    @Body() body: ChangePasswordRequest,
  ): Promise<SessionTokens> {
    return this.auth.changePassword(caller, body.currentPassword, body.newPassword);
  }

  @Post('mfa/enrol')
  @HttpCode(200)
  @Authenticated({ acceptsEnrolmentChallenge: true })
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Start TOTP enrolment: the secret and otpauth URI for an authenticator app',
  })
  enrol(
    @CurrentMfaSubject() subject: MfaSubject,
    @Body() _body: MfaEnrolRequest,
  ): Promise<MfaEnrolment> {
    return this.auth.enrolMfa(subject);
  }

  @Post('mfa/confirm')
  @HttpCode(200)
  @Authenticated({ acceptsEnrolmentChallenge: true })
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Confirm enrolment with a first code: the recovery codes (shown once) and, during sign-in, the tokens',
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
  @ApiOperation({ summary: 'Complete sign-in with a TOTP code, or with a recovery code (once)' })
  verify(@Body() body: MfaVerifyRequest): Promise<SessionTokens | RecoverySession> {
    return this.auth.verifyMfa(
      body.challengeToken,
      body.recoveryCode !== undefined ? { recoveryCode: body.recoveryCode } : { code: body.code! },
    );
  }

  @Get('mfa')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Whether MFA is on, and how many recovery codes are left' })
  async mfaStatus(@CurrentCaller() caller: Caller): Promise<MfaStatusResponse> {
    return MfaStatusResponse.from(await this.mfaRecovery.status(caller));
  }

  @Post('mfa/recovery-codes')
  @HttpCode(200)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Replace your recovery codes with a new set (needs a current TOTP code); the old set stops working',
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
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Start moving TOTP to a new authenticator (lost or changed phone): needs the current password, within 10 minutes of a sign-in with TOTP or a recovery code; nothing changes until confirmed',
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
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Confirm the replacement with a code from the new authenticator, in the session that started it: the new recovery codes (shown once) and a new session; every other session ends',
  })
  confirmMfaReplacement(
    @CurrentCaller() caller: Caller,
    @Body() body: ConfirmMfaReplacementRequest,
  ): Promise<MfaReplaced> {
    return this.mfaReplacement.confirm(caller, body.code);
  }
}
