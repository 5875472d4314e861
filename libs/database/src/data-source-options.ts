import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { MIGRATIONS } from '@amparo/migrations';
import { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { coalescingStream } from './coalescing-socket';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The table TypeORM keeps the applied migrations in (no migration creates it). */
export const MIGRATIONS_TABLE = 'schema_migrations';

const COMMON = {
  type: 'postgres',
  synchronize: false,
  migrations: MIGRATIONS,
  migrationsTableName: MIGRATIONS_TABLE,
  // gen_random_uuid() (core since PostgreSQL 13); TypeORM would otherwise install uuid-ossp.
  uuidExtension: 'pgcrypto',
  migrationsTransactionMode: 'each',
  namingStrategy: new SnakeNamingStrategy(),
  // Never 'error' or 'query': TypeORM would print statement parameters, which hold personal data.
  logging: ['migration'],
} as const satisfies Partial<PostgresDataSourceOptions>;

/** One set of TypeORM options for the app, the CLI and the tests: a real PostgreSQL server. */
export function externalDataSourceOptions(url: string, poolSize = 10): PostgresDataSourceOptions {
  // A server that does not answer (a network cut, a host down) fails the request in seconds, as a
  // 503, instead of holding it until the operating system gives up on the TCP connection.
  return {
    ...COMMON,
    url,
    poolSize,
    connectTimeoutMS: 5000,
    // Pipelining lets a walled transaction send its BEGIN with its first statement, and its
    // COMMIT with a read's audit event, in one round trip each (row-security.ts); a client used
    // one statement at a time behaves as without it. The coalescing socket sends what a tick
    // wrote (a pipelined transaction's statements, written one by one by the driver) in one write.
    extra: { application_name: 'amparo', pipeline: true, stream: coalescingStream },
  };
}

/** The same options over the embedded PGlite; one session, so one connection. */
export function embeddedDataSourceOptions(db: PGlite): PostgresDataSourceOptions {
  return { ...COMMON, poolSize: 1, extra: { connection: createPgConfig(db).connection } };
}
