import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule, LoggingModule } from '@amparo/core';
import { DatabaseModule } from '@amparo/database';
import { AuditModule } from '@amparo/audit';
import { JobWorkersModule, JobsModule, SystemPingModule } from '@amparo/jobs';
import { CrisisImportModule } from '@amparo/crisis';
import { StatisticsModule } from '@amparo/statistics';

/** The worker process: BullMQ workers and the handlers they run; no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        JobsModule.forRoot(config, 'worker'),
        JobWorkersModule.forRoot(config),
        SystemPingModule,
        AuditModule,
        StatisticsModule,
        CrisisImportModule,
      ],
    };
  }
}
