import { DataSource, EntityManager } from 'typeorm';
import { inIdempotentRequest, transactional } from './idempotency-store';
import { pipelinedDriver } from './pipelined-driver';
import { behind, deferBegin, registerCommitBatch } from './pipelined-transaction';
import { rowScopedTransactions } from './row-scope-context';

/**
 * Whose rows a transaction may touch in the case and person tables (row-level security, migration
 * 1764000000013): a caller's posts and supervised countries, or the system (statistics, jobs,
 * seeding), which sees every row and keeps its own filters.
 */
export type RowScope =
  { readonly consulates: readonly string[]; readonly countries: readonly string[] } | 'system';

/** The role the policies bind: no login, no bypass, the API's privileges. */
export const ROW_SCOPED_ROLE = 'amparo_scoped';

/**
 * For a raw pg client that runs its own transaction (statistics streaming its rows): begins a
 * read-only transaction with the wall up in the system scope, in the one round trip of its BEGIN.
 */
export const BEGIN_READ_ONLY_AS_SYSTEM = `BEGIN READ ONLY; SET LOCAL ROLE ${ROW_SCOPED_ROLE}; SET LOCAL amparo.scope_system = 'on'`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COUNTRY = /^[A-Z]{2}$/;

/** Transactions of an idempotent request whose wall is already up (one per request). */
const walled = new WeakSet<EntityManager>();

/**
 * Runs `work` in a transaction with the wall up: `SET LOCAL ROLE amparo_scoped` and the scope as
 * transaction-local settings, so PostgreSQL itself refuses rows outside the scope even where a
 * query forgot the application's filter. Work already inside such a transaction joins it; inside a
 * request with an Idempotency-Key it joins the request's one transaction (`transactional`) and
 * raises the wall there once. `readOnly` for reads: PostgreSQL then refuses any write as well.
 * Everything inside must use the given manager: a query on another connection is outside the
 * wall (and with the embedded PGlite's single connection, waits forever).
 */
export async function withinRowScope<T>(
  dataSource: DataSource,
  scope: RowScope,
  work: (manager: EntityManager) => Promise<T>,
  { readOnly = false, settings = {} }: WallOptions = {},
): Promise<T> {
  const extra = settingsSql(settings);
  const current = rowScopedTransactions.getStore();
  if (current)
    return extra ? behind(current, [`SELECT ${extra}`, []], () => work(current)) : work(current);
  if (inIdempotentRequest())
    return transactional(dataSource, async (manager) => {
      const raise = [
        walled.has(manager) ? '' : wallStatement(scope),
        extra ? `SELECT ${extra}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      walled.add(manager);
      const run = () => rowScopedTransactions.run(manager, () => work(manager));
      return raise ? behind(manager, [raise, []], run) : run();
    });
  // Issue 20, fewer round trips: TypeORM's own transaction, the wall raised in the text of its
  // BEGIN, sent with the work's first statement and nothing at all when the work sends nothing (a
  // check that the caller's grants already answer); a read's audit event with its COMMIT.
  const begin = `START TRANSACTION${readOnly ? ' READ ONLY' : ''}; ${wallStatement(scope)}${extra ? `, ${extra}` : ''}`;
  const runner = dataSource.createQueryRunner();
  const batch = deferBegin(runner, begin, pipelinedDriver(dataSource));
  try {
    return await runner.manager.transaction((manager) => {
      registerCommitBatch(manager, batch, readOnly);
      return rowScopedTransactions.run(manager, () => work(manager));
    });
  } finally {
    await runner.release();
  }
}

export interface WallOptions {
  /** PostgreSQL then refuses any write as well. */
  readOnly?: boolean;
  /**
   * More transaction-local settings for the work (a planner or extension setting), raised with
   * the wall when the transaction begins here; names and values of letters, digits, `_` `.` `-`.
   */
  settings?: Readonly<Record<string, string>>;
}

const SETTING_NAME = /^[a-z_]+(\.[a-z_]+)?$/;
const SETTING_VALUE = /^[A-Za-z0-9_.-]+$/;

/** `set_config(…, true)` of each setting, comma-separated, for a SELECT without parameters. */
function settingsSql(settings: Readonly<Record<string, string>>): string {
  return Object.entries(settings)
    .map(([name, value]) => {
      if (!SETTING_NAME.test(name) || !SETTING_VALUE.test(value))
        throw new Error(`Malformed setting ${name}`);
      return `set_config('${name}', '${value}', true)`;
    })
    .join(', ');
}

/**
 * The role and the scope as transaction-local settings, in SQL without parameters so that it can
 * share a round trip with the BEGIN (several statements in one text go only without parameters).
 * The values are checked to be UUIDs and country codes, which need no quoting; they become
 * settings, not SQL, and a malformed one fails here rather than as a cast error inside a policy.
 */
function wallStatement(scope: RowScope): string {
  const system = scope === 'system';
  const consulates = system ? [] : [...scope.consulates];
  const countries = system ? [] : [...scope.countries];
  if (!consulates.every((id) => UUID.test(id)) || !countries.every((c) => COUNTRY.test(c)))
    throw new Error('Malformed row scope');
  return `SELECT set_config('role', '${ROW_SCOPED_ROLE}', true), set_config('amparo.scope_system', '${system ? 'on' : 'off'}', true),
            set_config('amparo.scope_consulates', '{${consulates.join(',')}}', true), set_config('amparo.scope_countries', '{${countries.join(',')}}', true)`;
}
