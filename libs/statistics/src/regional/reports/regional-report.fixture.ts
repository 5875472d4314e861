// Test data only (the report's unit spec and e2e spec); not exported from the library.
import { randomUUID } from 'node:crypto';
import { StatisticsExportDocument, StatisticsExportRow } from '../../export-format/export-document';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
const MONTH_LABELS = {
  es: ['ene 2026', 'feb 2026', 'mar 2026', 'abr 2026', 'may 2026', 'jun 2026'],
  en: ['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026'],
};
const CATEGORIES = [
  { code: 'trafficking', label: { es: 'Trata de personas', en: 'Human trafficking' } },
  {
    code: 'unaccompanied_child',
    label: { es: 'Niñez no acompañada', en: 'Unaccompanied child' },
  },
  { code: 'criminal_detention', label: { es: 'Detención penal', en: 'Criminal detention' } },
];
const HOSTS = [
  { code: 'US', label: { es: 'Estados Unidos', en: 'United States' } },
  { code: 'MX', label: { es: 'México', en: 'Mexico' } },
  { code: 'CR', label: { es: 'Costa Rica', en: 'Costa Rica' } },
];
const MODES = [
  { code: 'air', label: { es: 'Aéreo', en: 'Air' } },
  { code: 'land', label: { es: 'Terrestre', en: 'Land' } },
];
const TOTAL = { code: '_T', label: { es: 'Total', en: 'Total' } };

/**
 * The figures of one country, as its deployment published them (null: suppressed). GT suppresses
 * its February unaccompanied children (3 cases) and its returns by land, MX its March trafficking
 * cases and its notification delay median.
 */
interface FixtureValues {
  byMonth: Record<string, (number | null)[]>;
  byHost: Record<string, number>;
  returns: Record<string, number | null>;
  notificationDelay: number | null;
}

export const REPORT_FIXTURE_VALUES: Record<'MX' | 'GT', FixtureValues> = {
  GT: {
    byMonth: {
      trafficking: [8, 10, 7, 9, 12, 11],
      unaccompanied_child: [6, null, 5, 7, 9, 8],
      criminal_detention: [5, 6, 0, 8, 5, 6],
    },
    byHost: { US: 60, MX: 41, CR: 0 },
    returns: { air: 24, land: null },
    notificationDelay: 30.5,
  },
  MX: {
    byMonth: {
      trafficking: [14, 9, null, 12, 10, 15],
      unaccompanied_child: [20, 18, 22, 25, 19, 21],
      criminal_detention: [7, 0, 6, 9, 5, 8],
    },
    byHost: { US: 160, MX: 0, CR: 12 },
    returns: { air: 48, land: 33 },
    notificationDelay: null,
  },
};

/**
 * A regional export of one country for the semester report: cases opened by month and category,
 * by host country, returns by mode and the notification delay median, each table at the totals
 * of the dimensions it is not by.
 */
export function reportExportFixture(country: 'MX' | 'GT'): StatisticsExportDocument {
  const values = REPORT_FIXTURE_VALUES[country];
  const rows: StatisticsExportRow[] = [];
  const add = (
    measure: StatisticsExportRow['MEASURE'],
    codes: Partial<Record<'TIME_PERIOD' | 'CATEGORY' | 'HOST_COUNTRY' | 'RETURN_MODE', string>>,
    value: number | null,
  ) =>
    rows.push({
      MEASURE: measure,
      REF_AREA: country,
      TIME_PERIOD: codes.TIME_PERIOD ?? '_T',
      CATEGORY: codes.CATEGORY ?? '_T',
      HOST_COUNTRY: codes.HOST_COUNTRY ?? '_T',
      RETURN_MODE: codes.RETURN_MODE ?? '_T',
      OBS_VALUE: value,
      CONF_STATUS: value === null ? 'C' : 'F',
    });
  for (const [category, months] of Object.entries(values.byMonth))
    months.forEach((value, i) =>
      add('cases_opened', { TIME_PERIOD: MONTHS[i], CATEGORY: category }, value),
    );
  for (const [host, value] of Object.entries(values.byHost))
    add('cases_opened', { HOST_COUNTRY: host }, value);
  add(
    'cases_opened',
    {},
    Object.values(values.byHost).reduce((a, b) => a + b, 0),
  );
  for (const [mode, value] of Object.entries(values.returns))
    add('returns', { RETURN_MODE: mode }, value);
  add('notification_delay', {}, values.notificationDelay);
  return {
    schemaVersion: '1.0',
    metadata: {
      exportId: randomUUID(),
      kind: 'regional',
      generatedAt: '2026-07-02T09:00:00.000Z',
      software: { name: 'amparo', version: '0.1.0' },
      scope: { countries: [country] },
      period: 'month',
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
        { id: 'returns', label: { es: 'Personas retornadas', en: 'Persons returned' } },
        {
          id: 'notification_delay',
          label: {
            es: 'Mediana de horas entre detención y notificación consular',
            en: 'Median hours from arrest to consular notification',
          },
        },
      ],
      dimensions: [
        {
          id: 'period',
          column: 'TIME_PERIOD',
          label: { es: 'Período', en: 'Period' },
          codes: [
            ...MONTHS.map((code, i) => ({
              code,
              label: { es: MONTH_LABELS.es[i], en: MONTH_LABELS.en[i] },
            })),
            TOTAL,
          ],
        },
        {
          id: 'category',
          column: 'CATEGORY',
          label: { es: 'Categoría', en: 'Category' },
          codes: [...CATEGORIES, TOTAL],
        },
        {
          id: 'host_country',
          column: 'HOST_COUNTRY',
          label: { es: 'País receptor', en: 'Host country' },
          codes: [...HOSTS, TOTAL],
        },
        {
          id: 'return_mode',
          column: 'RETURN_MODE',
          label: { es: 'Medio del retorno', en: 'Return mode' },
          codes: [...MODES, TOTAL],
        },
      ],
    },
    rows,
  };
}
