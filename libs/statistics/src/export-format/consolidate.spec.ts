import { consolidateExports } from './consolidate';
import { ConsolidationError, ConsolidationErrorCode } from './consolidation-error';
import { StatisticsExportDocument } from './export-document';
import { validateStatisticsExport } from './export-schema';
import { regionalExportFixture } from './regional-export.fixture';

const NOW = new Date('2026-11-25T16:00:00.000Z');
const SOFTWARE = { name: 'amparo', version: '0.2.0' };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function refusal(docs: StatisticsExportDocument[]): ConsolidationError {
  try {
    consolidateExports(docs, NOW, SOFTWARE);
  } catch (error) {
    if (error instanceof ConsolidationError) return error;
    throw error;
  }
  throw new Error('consolidateExports accepted the exports');
}

describe('consolidateExports', () => {
  it('joins two countries into one consolidated table that the schema accepts', () => {
    const gt = regionalExportFixture('GT');
    const mx = regionalExportFixture('MX');

    const consolidated = consolidateExports([mx, gt], NOW, SOFTWARE);

    expect(validateStatisticsExport(consolidated)).toEqual({ valid: true });
    expect(consolidated.schemaVersion).toBe('1.0');
    expect(consolidated.metadata).toMatchObject({
      exportId: null,
      kind: 'consolidated',
      generatedAt: '2026-11-25T16:00:00.000Z',
      software: SOFTWARE,
      scope: { countries: ['GT', 'MX'] },
      period: 'semester',
      from: '2026-01-01',
      to: '2026-06-30',
      filters: {},
      disclosure: mx.metadata.disclosure,
      measures: mx.metadata.measures,
    });
    expect(consolidated.metadata.scope.consulates).toBeUndefined();
    expect(consolidated.metadata.sources).toEqual([
      {
        exportId: mx.metadata.exportId,
        countries: ['MX'],
        generatedAt: mx.metadata.generatedAt,
        software: mx.metadata.software,
      },
      {
        exportId: gt.metadata.exportId,
        countries: ['GT'],
        generatedAt: gt.metadata.generatedAt,
        software: gt.metadata.software,
      },
    ]);
    expect(consolidated.rows).toEqual([...mx.rows, ...gt.rows]);
  });

  it('merges code lists by code, keeping the first label and the first order', () => {
    const consolidated = consolidateExports(
      [regionalExportFixture('MX'), regionalExportFixture('GT')],
      NOW,
      SOFTWARE,
    );
    const hostCountry = consolidated.metadata.dimensions.find(({ id }) => id === 'host_country');
    expect(hostCountry?.codes).toEqual([
      { code: 'US', label: { es: 'Estados Unidos', en: 'United States' } },
      { code: '_T', label: { es: 'Total', en: 'Total' } },
      { code: 'MX', label: { es: 'México', en: 'Mexico' } },
    ]);
    expect(consolidated.metadata.dimensions.map(({ id }) => id)).toEqual([
      'category',
      'host_country',
    ]);
  });

  it('copies every value and suppression as it is, leaving its inputs untouched', () => {
    const mx = deepFreeze(regionalExportFixture('MX'));
    const gt = deepFreeze(regionalExportFixture('GT'));
    const before = structuredClone([mx, gt]);

    const consolidated = consolidateExports([mx, gt], NOW, SOFTWARE);

    expect([mx, gt]).toEqual(before);
    const cells = (rows: StatisticsExportDocument['rows']) =>
      rows.map(({ OBS_VALUE, CONF_STATUS }) => [OBS_VALUE, CONF_STATUS]);
    expect(cells(consolidated.rows)).toEqual(cells([...mx.rows, ...gt.rows]));
    expect(cells(consolidated.rows)).toContainEqual([null, 'C']);
    expect(cells(consolidated.rows)).toContainEqual([7.5, 'F']);
    // Copies, so that editing the output cannot reach back into a source.
    expect(consolidated.rows[0]).not.toBe(mx.rows[0]);
    expect(consolidated.metadata.dimensions[0]).not.toBe(mx.metadata.dimensions[0]);
  });

  it('accepts the same filters in another order and joins consulate lists', () => {
    const mx = regionalExportFixture('MX');
    const gt = regionalExportFixture('GT');
    mx.metadata.filters = { sex: ['F', 'M'], category: ['trafficking'] };
    gt.metadata.filters = { category: ['trafficking'], sex: ['M', 'F'] };
    mx.metadata.scope.consulates = ['MX-LAX', 'MX-CHI'];
    gt.metadata.scope.consulates = ['GT-LAX'];

    const consolidated = consolidateExports([mx, gt], NOW, SOFTWARE);

    expect(consolidated.metadata.filters).toEqual(mx.metadata.filters);
    expect(consolidated.metadata.scope).toEqual({
      countries: ['GT', 'MX'],
      consulates: ['GT-LAX', 'MX-CHI', 'MX-LAX'],
    });
  });

  it('joins more than two exports', () => {
    const sv = regionalExportFixture('GT');
    sv.metadata.scope.countries = ['SV', 'HN'];
    sv.rows.forEach((row, index) => (row.REF_AREA = index % 2 ? 'HN' : 'SV'));
    const consolidated = consolidateExports(
      [regionalExportFixture('MX'), regionalExportFixture('GT'), sv],
      NOW,
      SOFTWARE,
    );
    expect(consolidated.metadata.scope.countries).toEqual(['GT', 'HN', 'MX', 'SV']);
    expect(consolidated.metadata.sources).toHaveLength(3);
    expect(consolidated.rows).toHaveLength(15);
  });

  it.each<[string, (gt: StatisticsExportDocument) => void, ConsolidationErrorCode]>([
    [
      'another schema version',
      (gt) => ((gt as { schemaVersion: string }).schemaVersion = '2.0'),
      'SCHEMA_VERSION_MISMATCH',
    ],
    ['a file the schema rejects', (gt) => (gt.rows[1].OBS_VALUE = 2), 'INVALID_EXPORT'],
    [
      'an export that is not regional',
      (gt) => {
        gt.metadata.kind = 'statistics';
        gt.rows.forEach((row) => delete row.REF_AREA);
      },
      'NOT_REGIONAL',
    ],
    [
      'other measures',
      (gt) => {
        gt.metadata.measures = gt.metadata.measures.slice(0, 1);
        gt.rows = gt.rows.filter(({ MEASURE }) => MEASURE === 'cases_opened');
      },
      'MEASURES_MISMATCH',
    ],
    [
      'other dimensions',
      (gt) => {
        gt.metadata.dimensions = gt.metadata.dimensions.slice(0, 1);
        gt.rows.forEach((row) => delete row.HOST_COUNTRY);
      },
      'DIMENSIONS_MISMATCH',
    ],
    ['another period', (gt) => (gt.metadata.period = 'year'), 'PERIOD_MISMATCH'],
    ['another start date', (gt) => (gt.metadata.from = '2026-01-02'), 'PERIOD_MISMATCH'],
    ['another end date', (gt) => (gt.metadata.to = '2026-12-31'), 'PERIOD_MISMATCH'],
    ['another k', (gt) => (gt.metadata.disclosure.k = 10), 'DISCLOSURE_MISMATCH'],
    [
      'another disclosure method',
      (gt) => (gt.metadata.disclosure.method = 'hypercube'),
      'DISCLOSURE_MISMATCH',
    ],
    ['other filters', (gt) => (gt.metadata.filters = { sex: ['F'] }), 'FILTERS_MISMATCH'],
    [
      'consulates against whole countries',
      (gt) => (gt.metadata.scope.consulates = ['GT-LAX']),
      'SCOPE_MISMATCH',
    ],
    [
      'a country that the other export covers too',
      (gt) => (gt.metadata.scope.countries = ['GT', 'MX']),
      'OVERLAPPING_SCOPE',
    ],
    ['a row of another country', (gt) => (gt.rows[3].REF_AREA = 'HN'), 'ROW_OUTSIDE_SCOPE'],
    ['a row without REF_AREA', (gt) => delete gt.rows[3].REF_AREA, 'INVALID_EXPORT'],
  ])('refuses %s', (_name, breakIt, code) => {
    const gt = regionalExportFixture('GT');
    breakIt(gt);

    const error = refusal([regionalExportFixture('MX'), gt]);

    expect(error.code).toBe(code);
    expect(error.messages.en).toMatch(/export(s \d+ and)? 2/);
    expect(error.messages.es).toMatch(/exportaci[oó]n(es \d+ y)? 2/);
    expect(error.message).toBe(`${error.messages.en} / ${error.messages.es}`);
  });

  it('says what differs', () => {
    const gt = regionalExportFixture('GT');
    gt.metadata.disclosure.k = 10;
    expect(refusal([regionalExportFixture('MX'), gt]).messages).toEqual({
      en: 'export 2 has disclosure k=10 gauss-elimination-v1, export 1 has k=5 gauss-elimination-v1',
      es: 'la exportación 2 tiene control de divulgación k=10 gauss-elimination-v1 y la exportación 1 k=5 gauss-elimination-v1',
    });
    const schemaErrors = regionalExportFixture('GT');
    schemaErrors.rows.forEach((row) => (row.CONF_STATUS = 'X' as 'C'));
    expect(refusal([regionalExportFixture('MX'), schemaErrors]).messages.en).toBe(
      'export 2 does not match the export schema 1.0: /rows/0/CONF_STATUS must be one of "F", "C"; ' +
        '/rows/1/CONF_STATUS must be one of "F", "C"; /rows/2/CONF_STATUS must be one of "F", "C"; (+2)',
    );
  });

  it('refuses a single export and the same export twice', () => {
    const mx = regionalExportFixture('MX');
    expect(refusal([mx]).code).toBe('TOO_FEW_EXPORTS');
    expect(refusal([]).code).toBe('TOO_FEW_EXPORTS');
    expect(refusal([mx, mx]).code).toBe('OVERLAPPING_SCOPE');
  });

  it('checks the first export too', () => {
    const mx = regionalExportFixture('MX');
    mx.rows[0].REF_AREA = 'GT';
    const error = refusal([mx, regionalExportFixture('GT')]);
    expect(error.code).toBe('ROW_OUTSIDE_SCOPE');
    expect(error.messages.en).toBe(
      'row 1 of export 1 has REF_AREA "GT", outside the export\'s countries (MX)',
    );
  });
});
