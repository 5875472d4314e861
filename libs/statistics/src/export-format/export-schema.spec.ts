import { StatisticsExportDocument } from './export-document';
import { validateStatisticsExport } from './export-schema';
import { regionalExportFixture } from './regional-export.fixture';

/** The example of docs/statistics-export-format.md, with a real UUID and labels. */
function documentedExample(): StatisticsExportDocument {
  return {
    schemaVersion: '1.0',
    metadata: {
      exportId: '6f0c1f7e-2a51-4a0b-9a57-3f4b8c2d9e10',
      kind: 'statistics',
      generatedAt: '2026-11-25T16:00:00.000Z',
      software: { name: 'amparo', version: '0.1.0' },
      scope: { countries: ['MX'], consulates: ['MX-LAX'] },
      period: 'semester',
      from: '2026-01-01',
      to: '2026-06-30',
      filters: { category: ['trafficking'] },
      disclosure: { rule: 'Counts below k are suppressed.', method: 'gauss-elimination-v1', k: 5 },
      measures: [{ id: 'cases_opened', label: { es: 'Casos abiertos', en: 'Cases opened' } }],
      dimensions: [
        {
          id: 'category',
          column: 'CATEGORY',
          label: { es: 'Categoría', en: 'Category' },
          codes: [{ code: 'trafficking', label: { es: 'Trata', en: 'Trafficking' } }],
        },
      ],
    },
    rows: [
      { MEASURE: 'cases_opened', CATEGORY: 'trafficking', OBS_VALUE: 12, CONF_STATUS: 'F' },
      { MEASURE: 'cases_opened', CATEGORY: '_T', OBS_VALUE: null, CONF_STATUS: 'C' },
    ],
  };
}

// Tests break documents on purpose: a loose view of one saves a cast per mutation.
type Loose = Record<string, unknown> & {
  metadata: Record<string, unknown> & { scope: Record<string, unknown> };
  rows: Record<string, unknown>[];
};
const loose = (document: StatisticsExportDocument) => document as unknown as Loose;

function errorsOf(document: unknown): string[] {
  const result = validateStatisticsExport(document);
  return result.valid ? [] : result.errors;
}

describe('validateStatisticsExport', () => {
  it('accepts the documented example and a regional export', () => {
    expect(validateStatisticsExport(documentedExample())).toEqual({ valid: true });
    expect(validateStatisticsExport(regionalExportFixture('MX'))).toEqual({ valid: true });
  });

  it('accepts every dimension with its own column and codes such as periods and totals', () => {
    const document = documentedExample();
    document.metadata.dimensions = [
      { id: 'period', column: 'TIME_PERIOD', label: { es: 'Periodo', en: 'Period' }, codes: [] },
      { id: 'sex', column: 'SEX', label: { es: 'Sexo', en: 'Sex' }, codes: [] },
      { id: 'age_group', column: 'AGE_GROUP', label: { es: 'Edad', en: 'Age' }, codes: [] },
    ];
    document.rows = ['2026', '2026-S1', '2026-Q3', '2026-07', '_T'].map((period) => ({
      MEASURE: 'cases_opened',
      TIME_PERIOD: period,
      SEX: '_O',
      AGE_GROUP: 'Y_GE60',
      OBS_VALUE: 0,
      CONF_STATUS: 'F',
    }));
    expect(errorsOf(document)).toEqual([]);
  });

  it('accepts the cooperation measures and their dimensions, each under its own column', () => {
    const document = documentedExample();
    const label = { es: 'x', en: 'x' };
    document.metadata.measures = [
      { id: 'referrals', label },
      { id: 'assistance_requests', label },
      { id: 'transfers', label },
    ];
    document.metadata.dimensions = [
      { id: 'organisation_type', column: 'ORGANISATION_TYPE', label, codes: [] },
      { id: 'referral_service', column: 'REFERRAL_SERVICE', label, codes: [] },
      { id: 'receiving_country', column: 'RECEIVING_COUNTRY', label, codes: [] },
      { id: 'assistance_kind', column: 'ASSISTANCE_KIND', label, codes: [] },
    ];
    document.rows = [
      {
        MEASURE: 'assistance_requests',
        ORGANISATION_TYPE: 'civil_society',
        REFERRAL_SERVICE: 'multiple',
        RECEIVING_COUNTRY: 'GT',
        ASSISTANCE_KIND: '_T',
        OBS_VALUE: 4,
        CONF_STATUS: 'F',
      },
    ];
    expect(errorsOf(document)).toEqual([]);
    document.metadata.dimensions[2].column = 'HOST_COUNTRY';
    document.rows[0].RECEIVING_COUNTRY = 'Guatemala';
    expect(errorsOf(document)).toEqual([
      '/metadata/dimensions/2/column must be "RECEIVING_COUNTRY"',
      '/rows/0/RECEIVING_COUNTRY must match pattern "^([A-Z]{2}|_T)$"',
    ]);
  });

  it('rejects a suppressed cell that carries a number', () => {
    const document = documentedExample();
    document.rows[1].OBS_VALUE = 3;
    expect(errorsOf(document)).toEqual(['/rows/1/OBS_VALUE must be of type null']);
  });

  it('rejects a published cell without a number', () => {
    const document = documentedExample();
    document.rows[0].OBS_VALUE = null;
    expect(errorsOf(document)).toEqual(['/rows/0/OBS_VALUE must be of type number']);
  });

  it('rejects a decimal count but accepts a decimal median', () => {
    const document = regionalExportFixture('MX');
    expect(document.rows[4]).toMatchObject({ MEASURE: 'median_days_to_closure', OBS_VALUE: 7.5 });
    document.rows[0].OBS_VALUE = 12.5;
    expect(errorsOf(document)).toEqual(['/rows/0/OBS_VALUE must be of type integer or null']);
  });

  it.each([
    'exportId',
    'kind',
    'generatedAt',
    'software',
    'scope',
    'period',
    'from',
    'to',
    'filters',
    'disclosure',
    'measures',
    'dimensions',
  ])('rejects metadata without %s', (field) => {
    const document = loose(documentedExample());
    delete document.metadata[field];
    expect(errorsOf(document)).toContain(`/metadata must have required property '${field}'`);
  });

  it.each([
    ['a schemaVersion other than 1.0', (d: Loose) => (d.schemaVersion = '1.1'), '/schemaVersion'],
    [
      'a disclosure k below 3',
      (d: Loose) => (d.metadata.disclosure = { rule: 'r', method: 'm', k: 2 }),
      '/metadata/disclosure/k',
    ],
    [
      'a lowercase country',
      (d: Loose) => (d.metadata.scope.countries = ['mx']),
      '/metadata/scope/countries/0',
    ],
    [
      'an empty scope',
      (d: Loose) => (d.metadata.scope.countries = []),
      '/metadata/scope/countries',
    ],
    [
      'a date-time without zone',
      (d: Loose) => (d.metadata.generatedAt = '2026-11-25T16:00:00'),
      '/metadata/generatedAt',
    ],
    [
      'a period that is not a granularity',
      (d: Loose) => (d.metadata.period = 'week'),
      '/metadata/period',
    ],
    ['a date that is not a date', (d: Loose) => (d.metadata.to = '2026-06-31'), '/metadata/to'],
    [
      'an export id that is not a UUID',
      (d: Loose) => (d.metadata.exportId = 'export-1'),
      '/metadata/exportId',
    ],
    [
      'a filter that is not a list',
      (d: Loose) => (d.metadata.filters = { category: 'trafficking' }),
      '/metadata/filters/category',
    ],
    ['an unknown measure', (d: Loose) => (d.rows[0].MEASURE = 'cases_reopened'), '/rows/0/MEASURE'],
    ['an unknown column', (d: Loose) => (d.rows[0].COLOR = 'red'), '/rows/0'],
    ['an unknown status', (d: Loose) => (d.rows[0].CONF_STATUS = 'D'), '/rows/0/CONF_STATUS'],
    [
      'REF_AREA outside a regional export',
      (d: Loose) => (d.rows[0].REF_AREA = 'MX'),
      '/rows/0/REF_AREA',
    ],
    [
      'a sources list outside a consolidated export',
      (d: Loose) => (d.metadata.sources = []),
      '/metadata/sources',
    ],
    ['an unexpected metadata field', (d: Loose) => (d.metadata.language = 'es'), '/metadata'],
  ])('rejects %s', (_name, breakIt, path) => {
    const document = loose(documentedExample());
    breakIt(document);
    const errors = errorsOf(document);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.startsWith(`${path} `))).toBe(true);
  });

  it('rejects a dimension under the wrong column, naming the right one', () => {
    const document = documentedExample();
    document.metadata.dimensions[0].column = 'SEX';
    expect(errorsOf(document)).toEqual(['/metadata/dimensions/0/column must be "CATEGORY"']);
  });

  it('requires REF_AREA on every row of a regional export', () => {
    const document = regionalExportFixture('MX');
    delete document.rows[2].REF_AREA;
    expect(errorsOf(document)).toEqual(["/rows/2 must have required property 'REF_AREA'"]);
  });

  it('gives a consolidated export no id of its own', () => {
    const document = regionalExportFixture('MX');
    document.metadata.kind = 'consolidated';
    expect(errorsOf(document)).toEqual(['/metadata/exportId must be of type null']);
    document.metadata.exportId = null;
    expect(errorsOf(document)).toEqual([]);
  });

  it('rejects what is not an export at all', () => {
    expect(errorsOf([])).toEqual(['/ must be of type object']);
    expect(errorsOf({})).toEqual([
      "/ must have required property 'schemaVersion'",
      "/ must have required property 'metadata'",
      "/ must have required property 'rows'",
    ]);
  });
});
