import { CreateOutcome } from './load-client';

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Creates as the clients saw them against cases and keys as the database holds them. */
export interface CaseAccount {
  sent: number;
  acknowledged: number;
  stored: number;
  /** Acknowledged ids with no case, or whose case carries another create's token. */
  acknowledgedLost: number;
  /** Tokens with more than one case: one create, several cases. */
  duplicateCases: number;
  /** Keys with more than one case, or a case no key points to (the key and its work split). */
  keysNotOneCase: number;
  /** Keys claimed without a stored response. */
  stuckKeys: number;
  /** Creates that ended without a 2xx (allowed only for answers not worth retrying: none here). */
  unacknowledged: number;
  /** Every answer the clients got, by status (0: connection error or timeout). */
  answers: Record<string, number>;
}

/**
 * Counts what the clients of one user were told against what the database holds: cases per
 * summary token and per idempotency key, and keys left without a response.
 */
export async function accountCases(
  query: Query,
  userId: string,
  tag: string,
  outcomes: readonly CreateOutcome[],
): Promise<CaseAccount> {
  const cases = await query<{ id: string; token: string }>(
    `SELECT id, substring(summary from $2) AS token FROM cases WHERE created_by = $1 AND summary LIKE $3`,
    [userId, `(${tag}-[0-9]+-[0-9a-f]{8})`, `%${tag}-%`],
  );
  const keys = await query<{ key: string; caseId: string | null; status: number | null }>(
    `SELECT key, response_body->>'id' AS "caseId", status_code AS status
       FROM idempotency_keys WHERE user_id = $1`,
    [userId],
  );
  const casesByToken = countBy(cases.map((c) => c.token));
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const casesByKey = countBy(keys.flatMap((k) => (k.caseId ? [k.caseId] : [])));
  const answers: Record<string, number> = {};
  for (const status of outcomes.flatMap((o) => o.statuses))
    answers[status] = (answers[status] ?? 0) + 1;
  const acknowledged = outcomes.filter((o) => o.id);
  return {
    sent: outcomes.length,
    acknowledged: acknowledged.length,
    stored: cases.length,
    acknowledgedLost: acknowledged.filter((o) => caseById.get(o.id!)?.token !== o.token).length,
    duplicateCases: [...casesByToken.values()].filter((n) => n > 1).length,
    keysNotOneCase:
      [...casesByKey.values()].filter((n) => n > 1).length +
      cases.filter((c) => !casesByKey.has(c.id)).length,
    stuckKeys: keys.filter((k) => k.status === null).length,
    unacknowledged: outcomes.length - acknowledged.length,
    answers,
  };
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Prints a scenario's figures as a two-column table on the test's output. */
export function printTable(title: string, rows: [string, string | number][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  process.stdout.write(`\n${title}\n${lines.join('\n')}\n`);
}

export function caseRows(account: CaseAccount): [string, string | number][] {
  return [
    ['creates sent', account.sent],
    ['acknowledged (2xx)', account.acknowledged],
    ['stored cases', account.stored],
    ['acknowledged but not stored', account.acknowledgedLost],
    ['duplicates (cases of one create)', account.duplicateCases],
    ['keys not matching one case', account.keysNotOneCase],
    ['stuck keys', account.stuckKeys],
    ['unacknowledged creates', account.unacknowledged],
    [
      'answers seen',
      Object.entries(account.answers)
        .map(([status, n]) => `${status === '0' ? 'no answer' : status}×${n}`)
        .join(', '),
    ],
  ];
}
