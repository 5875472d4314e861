import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule } from '@amparo/audit';
import { AppConfig, ConfigModule } from '@amparo/core';
import { IdentityModule } from '@amparo/identity';
import { DatabaseModule, IdempotencyStore } from '@amparo/database';
import { DemoModule } from '@amparo/demo';
import { JobsModule } from '@amparo/jobs';
import { PracticesHttpModule } from './practices/practices-http.module';
import { ReferralsHttpModule } from './referrals/referrals-http.module';
import { CrisisHttpModule } from './crisis/crisis-http.module';
import { CrisisImportHttpModule } from './crisis-import/crisis-import-http.module';
import { ReturnsHttpModule } from './returns/returns-http.module';
import { CallerFreshnessInterceptor } from './access/caller-freshness.interceptor';
import { RefusalAuditInterceptor } from './access/refusal-audit.interceptor';
import { AccessGuard } from './access/access.guard';
import { AccessModule } from './access/access.module';
import { AdminHttpModule } from './admin/admin-http.module';
import { CasesHttpModule } from './cases/cases-http.module';
import { DirectoryHttpModule } from './directory/directory-http.module';
import { HealthModule } from './health/health.module';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { RequestLoggingModule } from './http/request-logging.module';
import { IdentityHttpModule } from './identity/identity-http.module';
import { RegionalHttpModule } from './regional/regional-http.module';
import { StatisticsHttpModule } from './statistics/statistics-http.module';
import { SystemModule } from './system/system.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        RequestLoggingModule,
        DatabaseModule,
        JobsModule.forRoot(config, 'producer'),
        AuditModule,
        IdentityModule,
        AccessModule,
        IdentityHttpModule,
        DirectoryHttpModule,
        DemoModule,
        CasesHttpModule,
        ReferralsHttpModule,
        CrisisHttpModule,
        CrisisImportHttpModule,
        ReturnsHttpModule,
        PracticesHttpModule,
        StatisticsHttpModule,
        RegionalHttpModule,
        HealthModule,
        SystemModule,
        AdminHttpModule,
      ],
      providers: [
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        IdempotencyStore,
        // First: a request served anew for a caller read again runs every other one again.
        { provide: APP_INTERCEPTOR, useClass: CallerFreshnessInterceptor },
        // Next: it must wrap the idempotency interceptor, whose transaction a refusal rolls back.
        { provide: APP_INTERCEPTOR, useClass: RefusalAuditInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
