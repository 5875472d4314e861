import { StatisticsExportDocument } from '../export-format';

/**
 * For each member country, the newest of the semester's exports (given newest first) that has
 * `measure` by every one of `dimensions`. A country may send several exports in a semester (one
 * per set of measures and dimensions: an export's dimensions must apply to all its measures, so
 * returns by mode cannot travel with cases by category), and each table reads the latest one that
 * can answer it. An export is taken whole, so one that repeats a country already covered is left.
 * Without a measure: the newest export of each country.
 */
export function latestPerCountry<T extends { document: StatisticsExportDocument }>(
  newestFirst: readonly T[],
  measure?: string,
  dimensions: readonly string[] = [],
): T[] {
  const covered = new Set<string>();
  const taken: T[] = [];
  for (const entry of newestFirst) {
    const { metadata } = entry.document;
    const fits =
      measure === undefined ||
      (metadata.measures.some((m) => m.id === measure) &&
        dimensions.every((id) => metadata.dimensions.some((d) => d.id === id)));
    if (!fits || metadata.scope.countries.some((c) => covered.has(c))) continue;
    metadata.scope.countries.forEach((c) => covered.add(c));
    taken.push(entry);
  }
  return taken;
}
