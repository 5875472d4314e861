import { crossingsIn, tablesNamedIn } from './sql-table-references';

const TABLES = new Set(['users', 'role_grants', 'consulates', 'cases']);
const tables = (source: string) =>
  tablesNamedIn('fake.ts', source, TABLES).map(({ table, line }) => `${line}:${table}`);

describe('tablesNamedIn', () => {
  it('finds tables read, joined, inserted, updated and deleted in strings and templates', () => {
    const source = [
      `const a = 'SELECT id FROM users u JOIN role_grants g ON g.user_id = u.id';`,
      'const b = `INSERT INTO consulates (id) VALUES ($1)`;',
      'const c = `UPDATE cases SET version = ${next} WHERE id = $1`;',
      `const d = "DELETE FROM public.users WHERE id = $1";`,
      'const e = `select 1 from "cases" where id = ${id}`;',
    ].join('\n');

    expect(tables(source)).toEqual([
      '1:users',
      '1:role_grants',
      '2:consulates',
      '3:cases',
      '4:users',
      '5:cases',
    ]);
  });

  it('finds the table an entity maps', () => {
    expect(tables(`@Entity({ name: 'users' })\nclass User {}`)).toEqual(['1:users']);
    expect(tables(`@Entity('cases')\nclass Case {}`)).toEqual(['1:cases']);
  });

  it('ignores comments, unknown names and words that only look like SQL', () => {
    const source = [
      '// SELECT * FROM users in a comment',
      `const a = 'SELECT 1 FROM unnest($1::uuid[]) AS x JOIN persons p ON true';`,
      `const b = 'ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name FOR UPDATE';`,
      `const c = 'users';`,
    ].join('\n');

    expect(tables(source)).toEqual([]);
  });
});

describe('crossingsIn', () => {
  const owners = { users: 'identity', cases: 'cases' };

  it("reports a lib's file that names another lib's table", () => {
    const files = [
      { path: 'libs/cases/src/fake.ts', source: "q('SELECT 1 FROM users WHERE id = $1')" },
      { path: 'libs/identity/src/fake.ts', source: "q('UPDATE users SET x = 1'); q('FROM cases')" },
    ];
    expect(crossingsIn(files, owners)).toEqual([
      'libs/cases/src/fake.ts: users',
      'libs/identity/src/fake.ts: cases',
    ]);
  });

  it('accepts a lib naming only its own tables', () => {
    const files = [{ path: 'libs/cases/src/fake.ts', source: "q('SELECT * FROM cases')" }];
    expect(crossingsIn(files, owners)).toEqual([]);
  });
});
