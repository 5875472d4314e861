import { createHash } from 'node:crypto';
import { PoolClient, QueryConfig } from 'pg';

/**
 * The most statements one connection keeps prepared. The server holds each one (and, once it
 * settles on a generic plan, that plan) for the connection's life, so the number is bounded; past
 * it, further texts go unprepared as before. The hot paths' statements are a few dozen texts.
 */
export const PREPARED_PER_CONNECTION = 100;

/** What node-postgres records of a connection's named statements (its own fields, pg 8.x). */
interface StatementRecords {
  parsedStatements?: Record<string, string>;
  submittedNamedStatements?: Record<string, string>;
}

const names = new Map<string, string>();
/** Texts whose names are remembered; the others are hashed again (a dynamic text, say). */
const NAMES_KEPT = 1000;

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `amparo_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
    if (names.size < NAMES_KEPT) names.set(text, name);
  }
  return name;
}

/**
 * A statement with parameters as a named (prepared) statement of `client`'s connection: the server
 * parses, rewrites (row-level security's policies) and plans its text once per connection instead
 * of on every request, and after a few executions may keep one generic plan (PostgreSQL's
 * plan_cache_mode decides, comparing its cost with the custom plans'). The name is the text's hash,
 * so one text is one statement however many places send it. node-postgres parses a name once,
 * pipelined or not (it tracks names sent but not yet answered). A statement without parameters
 * goes as a simple query, which may hold several commands (a BEGIN with its settings).
 */
export function prepared(
  client: PoolClient,
  text: string,
  values: unknown[],
): string | QueryConfig<unknown[]> {
  if (!values.length) return text;
  const records = (client as unknown as { connection?: StatementRecords }).connection;
  const parsed = records?.parsedStatements;
  if (!parsed) return { text, values };
  const name = nameOf(text);
  const known = name in parsed || name in (records.submittedNamedStatements ?? {});
  if (!known && Object.keys(parsed).length >= PREPARED_PER_CONNECTION) return { text, values };
  return { name, text, values };
}
