import { Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres } from './embedded-postgres';
import { applyEmbeddedPatches } from './embedded-postgres-patches';

export const EMBEDDED_POSTGRES = Symbol('EmbeddedPostgres');

/**
 * Patches PGlite's faults once TypeORM has migrated it (before the app serves a request), and
 * closes PGlite after TypeORM has let go of it; an open PGlite keeps the process alive.
 */
@Injectable()
class EmbeddedPostgresLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.embedded) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    await applyEmbeddedPatches((sql) => dataSource.query(sql));
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.embedded.close();
  }
}

@Module({
  providers: [
    {
      provide: EMBEDDED_POSTGRES,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.database.mode === 'embedded' ? EmbeddedPostgres.open(config.database.dataDir) : null,
    },
    EmbeddedPostgresLifecycle,
  ],
  exports: [EMBEDDED_POSTGRES],
})
export class EmbeddedPostgresModule {}
