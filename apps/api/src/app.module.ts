import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import {
  AccessGuard,
  AppConfig,
  ConfigModule,
  LoggingModule,
  ProblemDetailsFilter,
} from '@amparo/core';
import { DatabaseModule } from '@amparo/database';
import { JobsModule } from '@amparo/jobs';
import { HealthModule } from './health/health.module';
import { SystemModule } from './system/system.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        JobsModule.forRoot(config, 'producer'),
        HealthModule,
        SystemModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
