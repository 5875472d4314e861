import { MIGRATIONS_TABLE, PUBLISHED_VIEWS, TABLE_OWNERS } from '@amparo/database';
import { TestDatabase, createTestDatabase } from '@amparo/testing';
import { Client } from 'pg';

/**
 * Every relation the migrations leave in the schema has one owning context (docs/ARCHITECTURE.md),
 * read from the catalog of a migrated database rather than from the migrations' text, so a table
 * created any way at all is covered. test/architecture checks that only the owner names it in SQL.
 */
describe('Table owners', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('gives every table, sequence and view of the schema exactly one owner, and owns no other', async () => {
    const { rows } = await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d              -- sequences of identity columns
                           WHERE d.objid = c.oid AND d.deptype = 'i')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d              -- extensions' own relations
                           WHERE d.objid = c.oid AND d.deptype = 'e')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d              -- TypeORM's serial of its table
                           WHERE d.objid = c.oid AND d.deptype = 'a' AND d.refobjid = $1::regclass)`,
      [MIGRATIONS_TABLE],
    );
    const present = new Set(rows.map((r) => r.relname));
    const owned = [...Object.keys(TABLE_OWNERS), ...Object.keys(PUBLISHED_VIEWS)];
    expect([...present].filter((relation) => !owned.includes(relation)).sort()).toEqual([]);
    expect(owned.filter((relation) => !present.has(relation))).toEqual([]);
    expect(Object.keys(TABLE_OWNERS).filter((table) => table in PUBLISHED_VIEWS)).toEqual([]);
  });
});
