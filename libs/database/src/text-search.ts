import { SqlConditions } from './sql-conditions';

/**
 * `q` matches any of the columns ignoring accents and case ("Mexico" finds "México"), through the
 * immutable `amparo_unaccent` wrapper that trigram indexes can use. LIKE wildcards in `q` are literal.
 */
export function addTextSearch(
  conditions: SqlConditions,
  columns: string[],
  q: string | undefined,
): void {
  if (!q?.trim()) return;
  const literal = q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = conditions.param(literal);
  conditions.add(
    `(${columns
      .map(
        (column) =>
          `amparo_unaccent(lower(${column})) LIKE '%' || amparo_unaccent(lower(${pattern})) || '%'`,
      )
      .join(' OR ')})`,
  );
}
