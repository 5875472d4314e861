import { externalDataSourceOptions } from '@amparo/database';
import { MIGRATIONS } from '@amparo/migrations';
import { TestDatabase, createTestDatabase } from '@amparo/testing';
import { DataSource } from 'typeorm';
import { allEntities } from './utils/entities';

describe('Migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    dataSource = new DataSource({
      ...externalDataSourceOptions(database.url, 1),
      entities: allEntities(),
      logging: false,
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const tables = async () =>
    (
      await dataSource.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`,
      )
    ).map((r) => r.table_name);
  const extensions = async () =>
    (
      await dataSource.query<{ extname: string }[]>(
        `SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`,
      )
    ).map((r) => r.extname);

  it('run up, all the way down, and up again on an empty database', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await extensions()).toEqual(['citext', 'pg_trgm', 'pgcrypto', 'unaccent']);
    const schemaAfterFirstUp = await tables();
    expect(schemaAfterFirstUp).toContain('system_pings');

    for (let i = 0; i < MIGRATIONS.length; i++)
      await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    expect(await extensions()).toEqual([]);
    expect(await dataSource.query('SELECT * FROM schema_migrations')).toEqual([]);

    const reapplied = await dataSource.runMigrations({ transaction: 'each' });
    expect(reapplied).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(schemaAfterFirstUp);
  });

  it('leave nothing pending, and the entities match the migrated schema', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    const drift = await dataSource.driver.createSchemaBuilder().log();
    expect(drift.upQueries.map((q) => q.query)).toEqual([]);
  });
});
