// npm run seed:demo: creates the synthetic demo network (posts of the 11 member countries, their
// officials, referral organisations, demo users of every role) and prints the passwords of the
// users it creates, once. Running it again changes nothing. Exit code 0: done; 1: failed.
import 'reflect-metadata';
import { readConfigOrExit } from '@amparo/core';
import { externalDataSourceOptions } from '@amparo/database';
import { DemoSeeder, formatDemoSeed } from '@amparo/demo';
import { MIGRATIONS } from '@amparo/migrations';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { SeedDemoModule } from './support/seed-demo.module';

/** A server database is migrated by `npm run migration:run`, never by this script. */
async function assertMigrated(url: string): Promise<void> {
  const dataSource = new DataSource({ ...externalDataSourceOptions(url, 1), logging: false });
  await dataSource.initialize();
  try {
    const [{ exists }] = await dataSource.query<{ exists: boolean }[]>(
      `SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
    );
    const applied = exists
      ? (await dataSource.query<{ name: string }[]>('SELECT name FROM schema_migrations')).map(
          (r) => r.name,
        )
      : [];
    const pending = MIGRATIONS.map((M) => new M().name ?? M.name).filter(
      (name) => !applied.includes(name),
    );
    if (pending.length)
      throw new Error(
        `the database at DATABASE_URL is not migrated (${pending.length} pending: ${pending.join(', ')}); run \`npm run migration:run\` first`,
      );
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  // Demo accounts with admin roles have no place in a production registry.
  if (config.env === 'production')
    throw new Error('refused with NODE_ENV=production: the demo network is for trying Amparo out');
  if (config.database.mode === 'external') await assertMigrated(config.database.url);
  let app;
  try {
    app = await NestFactory.createApplicationContext(SeedDemoModule.forRoot(config), {
      logger: false,
      abortOnError: false,
    });
  } catch (error) {
    if (error instanceof Error && /is in use by process/.test(error.message))
      error.message +=
        ' (the embedded database takes one process at a time: stop the API, then seed)';
    throw error;
  }
  try {
    process.stdout.write(formatDemoSeed(await app.get(DemoSeeder).seed()));
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
