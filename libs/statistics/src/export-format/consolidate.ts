import { ConsolidationError, ConsolidationErrorCode } from './consolidation-error';
import {
  EXPORT_SCHEMA_VERSION,
  StatisticsExportCode,
  StatisticsExportDimension,
  StatisticsExportDocument,
  StatisticsExportMetadata,
  StatisticsExportScope,
  StatisticsExportSoftware,
} from './export-document';
import { validateStatisticsExport } from './export-schema';

/** What the schema guarantees of a valid export of kind `regional`. */
type RegionalExport = StatisticsExportDocument & {
  metadata: StatisticsExportMetadata & { kind: 'regional'; exportId: string };
};

// Enough to find the problem in the file; the full list would not fit on one line.
const SCHEMA_ERRORS_SHOWN = 3;

/**
 * Joins regional exports from separate national deployments into one table of kind
 * `consolidated`. Refuses exports that do not describe the same table (measures, dimensions,
 * period and dates, filters, disclosure k and method) or whose countries overlap. Rows are copied
 * in input order: a value is never recomputed and a suppressed cell is never filled in, since
 * each deployment's disclosure control only holds for the cells it published.
 *
 * Typed as documents, but they come from files written elsewhere: each one is validated.
 * Exports are numbered from 1 in messages, in the order given.
 */
export function consolidateExports(
  docs: readonly StatisticsExportDocument[],
  now: Date,
  software: StatisticsExportSoftware,
): StatisticsExportDocument {
  if (docs.length < 2)
    throw new ConsolidationError('TOO_FEW_EXPORTS', {
      en: `consolidation needs at least two regional exports, got ${docs.length}`,
      es: `la consolidación necesita al menos dos exportaciones regionales; se recibieron ${docs.length}`,
    });
  const exports = docs.map((doc, index) => admitRegionalExport(doc, index + 1));
  const [reference] = exports;
  exports.slice(1).forEach((other, index) => requireSameTable(reference, other, index + 2));
  requireDisjointCountries(exports);
  exports.forEach((doc, index) => requireRowsWithinScope(doc, index + 1));

  const first = reference.metadata;
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    metadata: {
      exportId: null,
      kind: 'consolidated',
      generatedAt: now.toISOString(),
      software: { name: software.name, version: software.version },
      scope: consolidatedScope(exports),
      period: first.period,
      from: first.from,
      to: first.to,
      filters: structuredClone(first.filters),
      disclosure: { ...first.disclosure },
      measures: structuredClone(first.measures),
      dimensions: mergedDimensions(exports),
      sources: exports.map(({ metadata }) => ({
        exportId: metadata.exportId,
        countries: [...metadata.scope.countries],
        generatedAt: metadata.generatedAt,
        software: { ...metadata.software },
      })),
    },
    rows: exports.flatMap((doc) => doc.rows.map((row) => ({ ...row }))),
  };
}

function admitRegionalExport(doc: unknown, position: number): RegionalExport {
  // Checked before the schema so that a file of another version gets the reason, not the
  // differences between the two schemas.
  const schemaVersion = isObject(doc) ? doc.schemaVersion : undefined;
  if (schemaVersion !== undefined && schemaVersion !== EXPORT_SCHEMA_VERSION)
    throw new ConsolidationError('SCHEMA_VERSION_MISMATCH', {
      en: `export ${position} has schemaVersion ${show(schemaVersion)}; only "${EXPORT_SCHEMA_VERSION}" can be consolidated`,
      es: `la exportación ${position} tiene schemaVersion ${show(schemaVersion)}; solo se puede consolidar "${EXPORT_SCHEMA_VERSION}"`,
    });
  const validation = validateStatisticsExport(doc);
  if (!validation.valid) {
    const shown = validation.errors.slice(0, SCHEMA_ERRORS_SHOWN).join('; ');
    const more = validation.errors.length - SCHEMA_ERRORS_SHOWN;
    const details = more > 0 ? `${shown}; (+${more})` : shown;
    throw new ConsolidationError('INVALID_EXPORT', {
      en: `export ${position} does not match the export schema ${EXPORT_SCHEMA_VERSION}: ${details}`,
      es: `la exportación ${position} no se ajusta al esquema de exportación ${EXPORT_SCHEMA_VERSION}: ${details}`,
    });
  }
  const valid = doc as StatisticsExportDocument;
  if (valid.metadata.kind !== 'regional')
    throw new ConsolidationError('NOT_REGIONAL', {
      en: `export ${position} is of kind "${valid.metadata.kind}"; only "regional" exports can be consolidated`,
      es: `la exportación ${position} es de tipo "${valid.metadata.kind}"; solo se pueden consolidar exportaciones "regional"`,
    });
  // The schema gives every export but a consolidated one a UUID.
  return valid as RegionalExport;
}

function requireSameTable(reference: RegionalExport, other: RegionalExport, position: number) {
  const mine = other.metadata;
  const theirs = reference.metadata;
  const differs = (
    code: ConsolidationErrorCode,
    field: { en: string; es: string },
    own: string,
    referenceValue: string,
  ) => {
    if (own !== referenceValue)
      throw new ConsolidationError(code, {
        en: `export ${position} has ${field.en} ${own}, export 1 has ${referenceValue}`,
        es: `la exportación ${position} tiene ${field.es} ${own} y la exportación 1 ${referenceValue}`,
      });
  };
  differs(
    'MEASURES_MISMATCH',
    { en: 'measures', es: 'las medidas' },
    sortedIds(mine.measures),
    sortedIds(theirs.measures),
  );
  differs(
    'DIMENSIONS_MISMATCH',
    { en: 'dimensions', es: 'las dimensiones' },
    sortedIds(mine.dimensions),
    sortedIds(theirs.dimensions),
  );
  for (const field of ['period', 'from', 'to'] as const)
    differs('PERIOD_MISMATCH', { en: field, es: field }, show(mine[field]), show(theirs[field]));
  // The same k and method make the tables' cells equally safe; the rule is prose about them.
  differs(
    'DISCLOSURE_MISMATCH',
    { en: 'disclosure', es: 'control de divulgación' },
    `k=${mine.disclosure.k} ${mine.disclosure.method}`,
    `k=${theirs.disclosure.k} ${theirs.disclosure.method}`,
  );
  differs(
    'FILTERS_MISMATCH',
    { en: 'filters', es: 'los filtros' },
    canonicalFilters(mine.filters),
    canonicalFilters(theirs.filters),
  );
  // Absent consulates mean whole countries: one scope cannot say "all of MX, two posts of GT".
  if (!mine.scope.consulates !== !theirs.scope.consulates) {
    const [posts, countries] = mine.scope.consulates ? [position, 1] : [1, position];
    throw new ConsolidationError('SCOPE_MISMATCH', {
      en: `export ${posts} covers a list of consulates and export ${countries} whole countries; the consolidated scope could not say which`,
      es: `la exportación ${posts} abarca una lista de consulados y la exportación ${countries} países enteros; el alcance consolidado no podría expresarlo`,
    });
  }
}

function requireDisjointCountries(exports: readonly RegionalExport[]) {
  const coveredBy = new Map<string, number>();
  exports.forEach(({ metadata }, index) => {
    for (const country of metadata.scope.countries) {
      const earlier = coveredBy.get(country);
      // A country in two exports would have its cases counted twice.
      if (earlier !== undefined)
        throw new ConsolidationError('OVERLAPPING_SCOPE', {
          en: `exports ${earlier} and ${index + 1} both cover ${country}; each country may come from one export only`,
          es: `las exportaciones ${earlier} y ${index + 1} abarcan ambas ${country}; cada país solo puede venir de una exportación`,
        });
      coveredBy.set(country, index + 1);
    }
  });
}

function requireRowsWithinScope(doc: RegionalExport, position: number) {
  const countries = new Set(doc.metadata.scope.countries);
  const list = doc.metadata.scope.countries.join(', ');
  doc.rows.forEach((row, index) => {
    // Only REF_AREA says whose row it is once the tables are joined; the schema requires it.
    if (row.REF_AREA === undefined || !countries.has(row.REF_AREA))
      throw new ConsolidationError('ROW_OUTSIDE_SCOPE', {
        en: `row ${index + 1} of export ${position} has REF_AREA ${show(row.REF_AREA)}, outside the export's countries (${list})`,
        es: `la fila ${index + 1} de la exportación ${position} tiene REF_AREA ${show(row.REF_AREA)}, fuera de los países de la exportación (${list})`,
      });
  });
}

function consolidatedScope(exports: readonly RegionalExport[]): StatisticsExportScope {
  const countries = exports.flatMap(({ metadata }) => metadata.scope.countries).sort();
  const consulates = exports.flatMap(({ metadata }) => metadata.scope.consulates ?? []);
  // requireSameTable made the lists all present or all absent.
  return consulates.length > 0
    ? { countries, consulates: [...new Set(consulates)].sort() }
    : { countries };
}

/** Each dimension's codes from every export, the first label of a code winning. */
function mergedDimensions(exports: readonly RegionalExport[]): StatisticsExportDimension[] {
  return exports[0].metadata.dimensions.map((dimension) => {
    const codes = new Map<string, StatisticsExportCode>();
    for (const { metadata } of exports) {
      const same = metadata.dimensions.find(({ id }) => id === dimension.id);
      for (const code of same?.codes ?? [])
        if (!codes.has(code.code)) codes.set(code.code, structuredClone(code));
    }
    return { ...structuredClone(dimension), codes: [...codes.values()] };
  });
}

function sortedIds(items: readonly { id: string }[]): string {
  return (
    items
      .map(({ id }) => id)
      .sort()
      .join(', ') || '(none)'
  );
}

/** Filters as one comparable string: the order of keys and of codes carries no meaning. */
function canonicalFilters(filters: Partial<Record<string, string[]>>): string {
  const entries = Object.entries(filters)
    .filter((entry): entry is [string, string[]] => entry[1] !== undefined)
    .map(([dimension, codes]) => [dimension, [...codes].sort()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}
