// Test data only (specs and the consolidate CLI's e2e test); not exported from the library.
import { randomUUID } from 'node:crypto';
import { StatisticsExportDocument } from './export-document';

/**
 * A valid regional export of one sending country: cases opened by category and host country
 * (published and suppressed cells, margins) and the median days to closure (a decimal). GT's
 * host countries include MX, and its label for US differs, so that merged code lists show which
 * label wins.
 */
export function regionalExportFixture(country: 'MX' | 'GT'): StatisticsExportDocument {
  const hostCountries =
    country === 'MX'
      ? [{ code: 'US', label: { es: 'Estados Unidos', en: 'United States' } }]
      : [
          { code: 'MX', label: { es: 'México', en: 'Mexico' } },
          {
            code: 'US',
            label: { es: 'Estados Unidos de América', en: 'United States of America' },
          },
        ];
  const host = hostCountries[0].code;
  return {
    schemaVersion: '1.0',
    metadata: {
      exportId: randomUUID(),
      kind: 'regional',
      generatedAt: country === 'MX' ? '2026-07-02T09:00:00.000Z' : '2026-07-03T15:30:00.000Z',
      software: { name: 'amparo', version: country === 'MX' ? '0.1.0' : '0.1.1' },
      scope: { countries: [country] },
      period: 'semester',
      from: '2026-01-01',
      to: '2026-06-30',
      filters: {},
      disclosure: {
        rule: 'Counts from 1 to k-1 are suppressed, with further cells so that none can be derived.',
        method: 'gauss-elimination-v1',
        k: 5,
      },
      measures: [
        { id: 'cases_opened', label: { es: 'Casos abiertos', en: 'Cases opened' } },
        {
          id: 'median_days_to_closure',
          label: { es: 'Mediana de días hasta el cierre', en: 'Median days to closure' },
        },
      ],
      dimensions: [
        {
          id: 'category',
          column: 'CATEGORY',
          label: { es: 'Categoría', en: 'Category' },
          codes: [
            { code: 'trafficking', label: { es: 'Trata de personas', en: 'Human trafficking' } },
            { code: 'detention', label: { es: 'Detención', en: 'Detention' } },
            { code: '_T', label: { es: 'Total', en: 'Total' } },
          ],
        },
        {
          id: 'host_country',
          column: 'HOST_COUNTRY',
          label: { es: 'País receptor', en: 'Host country' },
          codes: [...hostCountries, { code: '_T', label: { es: 'Total', en: 'Total' } }],
        },
      ],
    },
    rows: [
      row(country, 'cases_opened', 'trafficking', host, country === 'MX' ? 12 : 31),
      row(country, 'cases_opened', 'detention', host, null),
      row(country, 'cases_opened', '_T', host, null),
      row(country, 'cases_opened', 'trafficking', '_T', country === 'MX' ? 12 : 40),
      row(country, 'median_days_to_closure', '_T', '_T', country === 'MX' ? 7.5 : 12),
    ],
  };
}

function row(
  country: string,
  measure: 'cases_opened' | 'median_days_to_closure',
  category: string,
  hostCountry: string,
  value: number | null,
): StatisticsExportDocument['rows'][number] {
  return {
    MEASURE: measure,
    REF_AREA: country,
    CATEGORY: category,
    HOST_COUNTRY: hostCountry,
    OBS_VALUE: value,
    CONF_STATUS: value === null ? 'C' : 'F',
  };
}
