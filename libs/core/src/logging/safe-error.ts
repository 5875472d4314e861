/**
 * What of an unexpected error may go to the log. Database errors carry the statement's parameters and
 * a `detail` quoting row values (names, documents): those are personal data and stay out.
 */
export function safeErrorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code, constraint, table, routine } = error as Error & Record<string, unknown>;
  return {
    type: error.name,
    message: error.message,
    code,
    constraint,
    table,
    routine,
    stack: error.stack,
  };
}
