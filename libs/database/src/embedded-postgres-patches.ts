/**
 * Work-arounds for faults of PGlite's WebAssembly build, applied at every embedded start once the
 * migrations have run (they are not migrations: a real PostgreSQL needs none of them).
 *
 * pg_trgm's `%` operator (similarity_op, C) calls `similarity` through a function pointer taken
 * inside the extension. In PGlite 0.5.16, with pg_trgm loaded beside other contrib modules (we load
 * citext, pgcrypto and unaccent too), that indirect call traps ("null function or function
 * signature mismatch") on the first use in about half of the processes; PGlite's protocol loop
 * swallows the trap and spins forever on the main thread (electric-sql/pglite#1058). The duplicate
 * check of a person with only an estimated age is the one query that uses `%`, so registrations
 * hung that way. The same operator as plpgsql calls `similarity` through the function manager, as
 * the rest of pg_trgm's SQL functions are called, which does not trap; the GIN index still serves
 * `%` (the index uses the operator class, the rechecks call this function). plpgsql, not SQL, so
 * the planner cannot inline it into an expression the index no longer matches.
 */
export function embeddedPatches(trgmSchema: string): string[] {
  const s = `"${trgmSchema.replace(/"/g, '""')}"`;
  return [
    `CREATE OR REPLACE FUNCTION ${s}.similarity_op(text, text) RETURNS boolean
     LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
     AS $$ BEGIN RETURN ${s}.similarity($1, $2) >= ${s}.show_limit(); END $$`,
  ];
}

/** Applies the patches; each is idempotent. Skipped until pg_trgm exists (an empty database). */
export async function applyEmbeddedPatches(query: <R>(sql: string) => Promise<R[]>): Promise<void> {
  const [trgm] = await query<{ schema: string }>(
    `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
      WHERE e.extname = 'pg_trgm'`,
  );
  if (!trgm) return;
  for (const sql of embeddedPatches(trgm.schema)) await query(sql);
}
