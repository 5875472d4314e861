import { PoolClient } from 'pg';
import { PREPARED_PER_CONNECTION, prepared } from './prepared-statements';

/** A pg client as prepared() sees it: the names its connection has parsed and has sent to parse. */
function clientWith(parsed: string[] = [], submitted: string[] = []): PoolClient {
  const record = (names: string[]) => Object.fromEntries(names.map((name) => [name, 'text']));
  return {
    connection: { parsedStatements: record(parsed), submittedNamedStatements: record(submitted) },
  } as unknown as PoolClient;
}

const nameOf = (statement: ReturnType<typeof prepared>) =>
  typeof statement === 'string' ? undefined : statement.name;

describe('prepared', () => {
  it('names a statement with parameters after its text, the same name wherever it is sent', () => {
    const first = prepared(clientWith(), 'SELECT * FROM cases WHERE id = $1', ['a']);
    const again = prepared(clientWith(), 'SELECT * FROM cases WHERE id = $1', ['b']);
    const other = prepared(clientWith(), 'SELECT * FROM persons WHERE id = $1', ['a']);
    expect(first).toEqual({
      name: expect.stringMatching(/^amparo_/),
      text: expect.any(String),
      values: ['a'],
    });
    expect(nameOf(again)).toBe(nameOf(first));
    expect(nameOf(other)).not.toBe(nameOf(first));
  });

  it('sends a statement without parameters as a simple query (it may hold several commands)', () => {
    expect(prepared(clientWith(), 'BEGIN; SELECT 1', [])).toBe('BEGIN; SELECT 1');
  });

  it('prepares no new statement on a connection that holds the most, and still uses those it has', () => {
    const text = 'SELECT * FROM cases WHERE id = $1';
    const name = nameOf(prepared(clientWith(), text, ['a']))!;
    const full = Array.from({ length: PREPARED_PER_CONNECTION }, (_, k) => `other_${k}`);
    expect(prepared(clientWith(full), text, ['a'])).toEqual({ text, values: ['a'] });
    expect(nameOf(prepared(clientWith([...full, name]), text, ['a']))).toBe(name);
    // Sent to be parsed but not yet answered (pipelined): node-postgres will not parse it again.
    expect(nameOf(prepared(clientWith(full, [name]), text, ['a']))).toBe(name);
  });
});
