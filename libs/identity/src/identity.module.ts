import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { CallerLoader } from './access/caller-loader';
import { ScopeModule } from './access/scope.module';
import { AuthService } from './auth/auth.service';
import { MfaRecoveryService } from './mfa/mfa-recovery.service';
import { MfaReplacementService } from './mfa/mfa-replacement.service';
import { RecoveryCodes } from './mfa/recovery-codes';
import { TotpService } from './mfa/totp.service';
import { SessionsService } from './sessions/sessions.service';
import { LoginThrottle } from './throttle/login-throttle';
import { AUTH_SECRETS, resolveAuthSecrets } from './tokens/auth-secrets';
import { TokenSigner } from './tokens/token-signer';
import { BootstrapAdmin } from './users/bootstrap-admin';
import { GrantScopes } from './users/grant-scopes';
import { MfaResetService } from './users/mfa-reset.service';
import { OwnAccountService } from './users/own-account.service';
import { PostOfficers } from './users/post-officers';
import { UserAdminService } from './users/user-admin.service';
import { UserProvisioning } from './users/user-provisioning';
import { UserRecords } from './users/user-records';

/**
 * Users, role grants, sign-in, sessions and MFA. The HTTP side (passport strategies, the access
 * guard) lives in the API and calls the caller loader and token signer exported here.
 */
@Module({
  imports: [ScopeModule],
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
    GrantScopes,
    UserAdminService,
    MfaResetService,
    OwnAccountService,
    PostOfficers,
    UserProvisioning,
    BootstrapAdmin,
  ],
  exports: [
    AuthService,
    MfaRecoveryService,
    MfaReplacementService,
    ScopeModule,
    UserAdminService,
    MfaResetService,
    OwnAccountService,
    PostOfficers,
    UserProvisioning,
    TokenSigner,
    CallerLoader,
  ],
})
export class IdentityModule {}
