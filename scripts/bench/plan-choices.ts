// Whether PostgreSQL settles on one generic plan for each prepared read statement a hot path
// sends, or plans it anew on every execution (npm run bench:cases prints it).
import { Client } from 'pg';
import { CapturedQuery, capturedAt, runCaptured } from './load-plan';

/** Executions of each statement before its plan is read: PostgreSQL decides after the fifth. */
const EXECUTIONS = 10;

export interface PlanChoice {
  text: string;
  generic: boolean;
}

/**
 * A prepared statement keeps custom plans when its generic plan looks costlier than theirs (a
 * parameter the planner cannot see, an array of unknown length): it is then planned on every
 * execution, and under row-level security that plans the policies' subqueries too. Runs each read
 * statement with parameters of `statements` (one request's, as the API sent them) `EXECUTIONS`
 * times on `client`, in its transaction's settings (`runCaptured`), and reads the plans PostgreSQL
 * kept. Writes are left out (they would change the data); their plans are simple.
 */
export async function planChoices(
  client: Client,
  statements: CapturedQuery[],
): Promise<PlanChoice[]> {
  const choices: PlanChoice[] = [];
  const seen = new Set<string>();
  for (const [at, query] of statements.entries()) {
    if (!query.values.length || /\b(INSERT|UPDATE|DELETE)\b/i.test(query.text)) continue;
    if (seen.has(query.text)) continue;
    seen.add(query.text);
    // Each run in a transaction of its own, as the API's; the statement stays prepared between.
    for (let i = 0; i < EXECUTIONS; i++) await runCaptured(client, capturedAt(statements, at));
    const { rows } = await client.query<{ generic: number }>(
      'SELECT generic_plans::int AS generic FROM pg_prepared_statements WHERE statement = $1',
      [query.text],
    );
    choices.push({ text: query.text, generic: (rows[0]?.generic ?? 0) > 0 });
  }
  return choices;
}
