import { StatisticsExportDocument } from '../export-format/export-document';

/** One country's cell of the regional table, as its national export published it. */
export interface RegionalCell {
  country: string;
  /** Null when suppressed. */
  value: number | null;
  suppressed: boolean;
}

export interface RegionalRow {
  /** One code per requested dimension, `_T` for the total over it. */
  codes: string[];
  cells: RegionalCell[];
  /** The sum over the countries; null and suppressed as soon as one country's cell is. */
  total: { value: number | null; suppressed: boolean };
}

export interface RegionalTable {
  countries: string[];
  /** The dimensions' columns (e.g. `CATEGORY`), in the order asked. */
  columns: string[];
  rows: RegionalRow[];
}

/** What a national export contributes: its countries' rows of one measure. */
export interface NationalTable {
  countries: readonly string[];
  /** Every dimension column of the export; those not asked for are read at their total. */
  columns: readonly string[];
  rows: StatisticsExportDocument['rows'];
}

/**
 * The regional table of a count measure: each country's published cells side by side and, for
 * each combination of codes, the regional total. National cells are copied as published (a value
 * is never recomputed; a suppressed cell stays suppressed). A total is published only when every
 * country's cell of its row is published: it is then the sum of figures already public and tells
 * nothing new, whereas a total over a suppressed cell would give that cell away (its value minus
 * the published ones), or with other totals and the national margins pin it down. Not even the
 * secretariat could compute such a total: suppressed cells reach it without their values. An
 * inner combination a country's export lacks is a zero of that country (national tables list the
 * codes they counted), a missing margin is not published (absentCell); a total from 1 to k - 1 is
 * suppressed too, though with every cell 0 or at least k it cannot occur.
 */
export function regionalTable(
  nationals: readonly NationalTable[],
  measure: string,
  columns: readonly string[],
  k: number,
): RegionalTable {
  const countries = [...new Set(nationals.flatMap((n) => n.countries))].sort();
  const byKey = new Map<string, { codes: string[]; cells: Map<string, RegionalCell> }>();
  for (const national of nationals) {
    const others = national.columns.filter((column) => !columns.includes(column));
    for (const row of national.rows) {
      if (row.MEASURE !== measure || !row.REF_AREA) continue;
      if (others.some((column) => row[column] !== '_T')) continue;
      const codes = columns.map((column) => String(row[column] ?? '_T'));
      const key = JSON.stringify(codes);
      const entry = byKey.get(key) ?? { codes, cells: new Map() };
      byKey.set(key, entry);
      const suppressed = row.CONF_STATUS === 'C' || row.OBS_VALUE === null;
      entry.cells.set(row.REF_AREA, {
        country: row.REF_AREA,
        value: suppressed ? null : Number(row.OBS_VALUE),
        suppressed,
      });
    }
  }
  const rows = [...byKey.values()]
    .sort((a, b) => compareCodes(a.codes, b.codes))
    .map(({ codes, cells }) => {
      const all = countries.map((country) => cells.get(country) ?? absentCell(country, codes));
      const anySuppressed = all.some((cell) => cell.suppressed);
      const sum = all.reduce((total, cell) => total + (cell.value ?? 0), 0);
      const small = sum > 0 && sum < k;
      return {
        codes,
        cells: all,
        total:
          anySuppressed || small
            ? { value: null, suppressed: true }
            : { value: sum, suppressed: false },
      };
    });
  return { countries, columns: [...columns], rows };
}

/**
 * A combination a country's table lacks: a zero of that country where it is an inner cell
 * (national tables list the codes they counted), but not published where it is a total. A
 * national table always has its margins, so a missing one is a table that did not say; taken
 * for 0, it would publish a regional total made of the other countries alone.
 */
function absentCell(country: string, codes: readonly string[]): RegionalCell {
  return codes.includes('_T')
    ? { country, value: null, suppressed: true }
    : { country, value: 0, suppressed: false };
}

/** Codes in order, each dimension's total after its codes. */
function compareCodes(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === '_T') return 1;
    if (b[i] === '_T') return -1;
    return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
