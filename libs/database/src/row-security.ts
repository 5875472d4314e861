import { DataSource, EntityManager } from 'typeorm';
import { inIdempotentRequest, transactional } from './idempotency-store';
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
  { readOnly = false }: { readOnly?: boolean } = {},
): Promise<T> {
  const current = rowScopedTransactions.getStore();
  if (current) return work(current);
  if (inIdempotentRequest())
    return transactional(dataSource, async (manager) => {
      if (!walled.has(manager)) {
        await raiseWall(manager, scope, false);
        walled.add(manager);
      }
      return rowScopedTransactions.run(manager, () => work(manager));
    });
  return dataSource.transaction(async (manager) => {
    await raiseWall(manager, scope, readOnly);
    return rowScopedTransactions.run(manager, () => work(manager));
  });
}

/** One statement: the role, the scope, and read-only when asked. */
async function raiseWall(manager: EntityManager, scope: RowScope, readOnly: boolean) {
  const system = scope === 'system';
  const consulates = system ? [] : [...scope.consulates];
  const countries = system ? [] : [...scope.countries];
  // The values become settings, not SQL; checked anyway, so that a malformed one fails here
  // rather than as a cast error inside a policy.
  if (!consulates.every((id) => UUID.test(id)) || !countries.every((c) => COUNTRY.test(c)))
    throw new Error('Malformed row scope');
  await manager.query(
    `SELECT set_config('role', $1, true), set_config('amparo.scope_system', $2, true),
            set_config('amparo.scope_consulates', $3, true), set_config('amparo.scope_countries', $4, true)
            ${readOnly ? `, set_config('transaction_read_only', 'on', true)` : ''}`,
    [
      ROW_SCOPED_ROLE,
      system ? 'on' : 'off',
      `{${consulates.join(',')}}`,
      `{${countries.join(',')}}`,
    ],
  );
}
