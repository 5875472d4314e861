import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { DataSource } from 'typeorm';
import { checkCallerBeforeStatements } from './caller-check';
import { embeddedDataSourceOptions, externalDataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';
import { EMBEDDED_POSTGRES, EmbeddedPostgresModule } from './embedded-postgres.provider';

/**
 * PostgreSQL for the app: the configured server, or the embedded PGlite with the same migrations
 * applied at start. A real server is migrated by `npm run migration:run` (or compose's step).
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [EmbeddedPostgresModule],
      inject: [APP_CONFIG, EMBEDDED_POSTGRES],
      useFactory: (config: AppConfig, embedded: EmbeddedPostgres | null) => {
        const base =
          config.database.mode === 'external'
            ? externalDataSourceOptions(config.database.url, config.database.poolSize)
            : embeddedDataSourceOptions(embedded!.db);
        return { ...base, autoLoadEntities: true, migrationsRun: embedded !== null };
      },
      dataSourceFactory: async (options) =>
        checkCallerBeforeStatements(new DataSource(options!)).initialize(),
    }),
  ],
})
export class DatabaseModule {}
