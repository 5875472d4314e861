import fc from 'fast-check';
import { applyDisclosureControl } from '../disclosure/apply-disclosure-control';
import { CountTable } from '../disclosure/count-table';
import { DisclosureResult } from '../disclosure/disclosure-result';
import { rank } from '../disclosure/linear-derivability.test-helper';
import { tableOf } from '../disclosure/test-tables.test-helper';
import { StatisticsExportDocument } from '../export-format/export-document';
import { NationalTable, regionalTable } from './regional-table';

const count = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 12 }) },
);
const input = fc
  .record({
    sizes: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })),
      },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 5 })) },
    ),
    countries: fc.integer({ min: 2, max: 4 }),
    k: fc.constantFrom(3, 5),
  })
  .chain(({ sizes, countries, k }) =>
    fc.record({
      sizes: fc.constant(sizes as number[]),
      k: fc.constant(k),
      counts: fc.array(
        fc.array(count, {
          minLength: sizes.reduce((a, b) => a * b, 1),
          maxLength: sizes.reduce((a, b) => a * b, 1),
        }),
        { minLength: countries, maxLength: countries },
      ),
    }),
  );

const COUNTRIES = ['CR', 'GT', 'HN', 'MX'];
const columnOf = (d: number) => `D${d}`;

/** A national export's rows of one protected table, as a deployment would publish it. */
function nationalRows(
  country: string,
  table: CountTable,
  result: DisclosureResult,
): StatisticsExportDocument['rows'] {
  return result.cells.map((cell) => ({
    MEASURE: 'cases_opened',
    REF_AREA: country,
    ...Object.fromEntries(cell.coordinates.map((code, d) => [columnOf(d), code ?? '_T'])),
    OBS_VALUE: cell.value,
    CONF_STATUS: cell.status === 'published' ? 'F' : 'C',
  }));
}

describe('regionalTable on random national tables', () => {
  it('lets no one with every published national and regional figure derive a suppressed national cell', () => {
    fc.assert(
      fc.property(input, ({ sizes, k, counts }) => {
        const countries = COUNTRIES.slice(0, counts.length);
        const tables = counts.map((c) => tableOf(sizes, c));
        const results = tables.map((table) => applyDisclosureControl(table, { k }));
        const columns = sizes.map((_, d) => columnOf(d));
        const nationals: NationalTable[] = countries.map((country, c) => ({
          countries: [country],
          columns,
          rows: nationalRows(country, tables[c], results[c]),
        }));

        const regional = regionalTable(nationals, 'cases_opened', columns, k);

        // The attacker's unknowns: every inner cell of every country, country after country.
        const inner = tables[0].innerCount;
        const width = inner * countries.length;
        const rowOf = (c: number, cell: number) => {
          const row = Array<bigint>(width).fill(0n);
          for (const i of tables[c].cells[cell].innerCells) row[c * inner + i] = 1n;
          return row;
        };
        const known: bigint[][] = [];
        results.forEach((result, c) =>
          result.cells.forEach((cell, i) => {
            if (cell.status === 'published') known.push(rowOf(c, i));
          }),
        );
        expect(regional.rows).toHaveLength(tables[0].cells.length);
        for (const row of regional.rows) {
          const i = tables[0].indexOf(row.codes.map((code) => (code === '_T' ? null : code)));
          const truth = tables.reduce((sum, table) => sum + table.cells[i].value, 0);
          row.cells.forEach((cell, c) => {
            expect(cell.value).toBe(results[c].cells[i].value);
            expect(cell.suppressed).toBe(results[c].cells[i].status !== 'published');
          });
          if (row.total.suppressed) {
            expect(row.total.value).toBeNull();
            continue;
          }
          expect(row.total.value).toBe(truth);
          expect(truth === 0 || truth >= k).toBe(true);
          known.push(
            countries.map((_, c) => rowOf(c, i)).reduce((a, b) => a.map((x, j) => x + b[j])),
          );
        }
        const knownRank = rank(known);
        results.forEach((result, c) =>
          result.cells.forEach((cell, i) => {
            if (cell.status === 'published') return;
            expect({
              country: c,
              cell: i,
              derivable: rank([...known, rowOf(c, i)]) === knownRank,
            }).toEqual({ country: c, cell: i, derivable: false });
          }),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('publishes a regional total where every country published its cell', () => {
    const columns = ['D0'];
    const national = (country: string, values: (number | null)[]): NationalTable => ({
      countries: [country],
      columns,
      rows: values.map((value, i) => ({
        MEASURE: 'cases_opened',
        REF_AREA: country,
        D0: i === values.length - 1 ? '_T' : `c${i}`,
        OBS_VALUE: value,
        CONF_STATUS: value === null ? 'C' : 'F',
      })),
    });
    const table = regionalTable(
      [national('MX', [12, null, null, 20]), national('GT', [6, 0, 9, 15])],
      'cases_opened',
      columns,
      5,
    );
    expect(table.countries).toEqual(['GT', 'MX']);
    expect(table.rows.map((r) => [r.codes[0], r.total.value, r.total.suppressed])).toEqual([
      ['c0', 18, false],
      ['c1', null, true],
      ['c2', null, true],
      ['_T', 35, false],
    ]);
  });
});
