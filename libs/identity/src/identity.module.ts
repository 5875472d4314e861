import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { AccessGuard } from './access/access.guard';
import { CallerLoader } from './access/caller-loader';
import { ScopeService } from './access/scope.service';
import { AuthService } from './auth/auth.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { MfaRecoveryService } from './mfa/mfa-recovery.service';
import { MfaReplacementService } from './mfa/mfa-replacement.service';
import { RecoveryCodes } from './mfa/recovery-codes';
import { TotpService } from './mfa/totp.service';
import { SessionsService } from './sessions/sessions.service';
import { LoginThrottle } from './throttle/login-throttle';
import { AUTH_SECRETS, resolveAuthSecrets } from './tokens/auth-secrets';
import { TokenSigner } from './tokens/token-signer';
import { BootstrapAdmin } from './users/bootstrap-admin';
import { MfaResetService } from './users/mfa-reset.service';
import { PostOfficers } from './users/post-officers';
import { UserAdminService } from './users/user-admin.service';
import { UserProvisioning } from './users/user-provisioning';
import { UserRecords } from './users/user-records';

/** Users, role grants, sign-in, sessions, MFA and the access guard every route goes through. */
@Module({
  imports: [PassportModule],
  providers: [
    {
      provide: AUTH_SECRETS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => resolveAuthSecrets(config),
    },
    TokenSigner,
    UserRecords,
    LoginThrottle,
    SessionsService,
    TotpService,
    RecoveryCodes,
    MfaRecoveryService,
    MfaReplacementService,
    AuthService,
    CallerLoader,
    JwtStrategy,
    LocalStrategy,
    ScopeService,
    UserAdminService,
    MfaResetService,
    PostOfficers,
    UserProvisioning,
    BootstrapAdmin,
    AccessGuard,
  ],
  exports: [
    AuthService,
    MfaRecoveryService,
    MfaReplacementService,
    ScopeService,
    UserAdminService,
    MfaResetService,
    PostOfficers,
    UserProvisioning,
    AccessGuard,
    TokenSigner,
  ],
})
export class IdentityModule {}
