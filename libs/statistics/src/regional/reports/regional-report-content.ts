import { StatisticsExportDocument } from '../../export-format/export-document';
import { latestPerCountry } from '../latest-per-country';
import { RegionalTable, regionalTable } from '../regional-table';

export type ReportLanguage = 'es' | 'en';
export type Bilingual = Record<ReportLanguage, string>;

/** A verified national export the report reads, as the regional workspace stored it. */
export interface ReportSource {
  regionalExportId: string;
  keyId: string;
  fingerprint: string;
  sha256: string;
  document: StatisticsExportDocument;
}

/** A good practice published in the semester, as the report lists it. */
export interface ReportPractice {
  title: Bilingual;
  kind: string;
  countries: string[];
  summary: string;
  publishedAt: string;
}

/** One number of the report: a gap, never a zero, when suppressed. */
export interface ReportValue {
  value: number | null;
  suppressed: boolean;
}

/** A chart: one group of bars per category (x), one bar per series in each group. */
export interface ReportChart {
  categories: Bilingual[];
  series: { label: Bilingual; values: ReportValue[] }[];
  yAxis: Bilingual;
  xAxis: Bilingual;
}

/** The table under a chart: a label column, then value columns. */
export interface ReportTable {
  header: Bilingual[];
  rows: { label: Bilingual; values: ReportValue[] }[];
}

export interface ReportChartSection {
  id: 'categories' | 'flows' | 'returns' | 'notification_delay';
  title: Bilingual;
  description: Bilingual;
  /** Null when no country reported the measure; `empty` then says so. */
  chart: ReportChart | null;
  table: ReportTable | null;
  empty: Bilingual | null;
}

export interface RegionalReportContent {
  semester: string;
  generatedAt: string;
  countries: string[];
  k: number;
  sources: {
    regionalExportId: string;
    countries: string[];
    keyId: string;
    fingerprint: string;
    sha256: string;
  }[];
  charts: ReportChartSection[];
  practices: ReportPractice[];
}

const TOTAL = '_T';
const REGION: Bilingual = { es: 'Total regional', en: 'Regional total' };

/**
 * Everything the semester report says, in both languages, from the verified exports of the
 * semester and the practices published in it. Every count, charted or tabulated, comes from
 * `regionalTable`, so it is the disclosure-controlled figure: a country's cell as it published
 * it, a regional total only where every country's cell is published. Pure: no database, no I/O.
 */
export function regionalReportContent(input: {
  semester: string;
  generatedAt: string;
  /** The semester's verified exports, newest first: each table reads the latest that has it. */
  sources: readonly ReportSource[];
  practices: readonly ReportPractice[];
}): RegionalReportContent {
  const used = new Set<ReportSource>();
  const pick: Pick = (measure, dimensions) => {
    const chosen = latestPerCountry(input.sources, measure, dimensions);
    chosen.forEach((source) => used.add(source));
    return chosen;
  };
  const charts = [
    categoriesSection(pick),
    flowsSection(pick),
    returnsSection(pick),
    notificationDelaySection(pick),
  ];
  // The exports the report read, by country, as the reader looks them up.
  const sources = [...used].sort((a, b) =>
    a.document.metadata.scope.countries[0] < b.document.metadata.scope.countries[0] ? -1 : 1,
  );
  const countries = [
    ...new Set(sources.flatMap((s) => s.document.metadata.scope.countries)),
  ].sort();
  return {
    semester: input.semester,
    generatedAt: input.generatedAt,
    countries,
    k: strictestK(sources),
    sources: sources.map((s) => ({
      regionalExportId: s.regionalExportId,
      countries: [...s.document.metadata.scope.countries],
      keyId: s.keyId,
      fingerprint: s.fingerprint,
      sha256: s.sha256,
    })),
    charts,
    practices: [...input.practices],
  };
}

/** The exports a table reads: each country's latest that has the measure by the dimensions. */
type Pick = (measure: string, dimensions: readonly string[]) => ReportSource[];

/** The strictest k of the exports a table reads, which its regional totals are held to as well. */
function strictestK(sources: readonly ReportSource[]): number {
  return Math.max(3, ...sources.map((s) => s.document.metadata.disclosure.k));
}

function categoriesSection(pick: Pick): ReportChartSection {
  const base = {
    id: 'categories' as const,
    title: { es: 'Casos abiertos por categoría', en: 'Cases opened by category' },
  };
  const overTime = pick('cases_opened', ['period', 'category']);
  if (overTime.length) {
    const table = tableOf(overTime, 'cases_opened', ['TIME_PERIOD', 'CATEGORY']);
    const periods = codesOf(table, 0).filter((c) => c !== TOTAL);
    const categories = codesOf(table, 1).filter((c) => c !== TOTAL);
    const label = labeller(overTime);
    const total = (period: string, category: string) => {
      const row = table.rows.find((r) => r.codes[0] === period && r.codes[1] === category);
      return row ? { ...row.total } : { value: 0, suppressed: false };
    };
    return {
      ...base,
      description: {
        es: 'Total regional de casos abiertos en cada período del semestre, por categoría.',
        en: 'Regional total of cases opened in each period of the semester, by category.',
      },
      chart: {
        categories: periods.map((p) => label('TIME_PERIOD', p)),
        series: categories.map((c) => ({
          label: label('CATEGORY', c),
          values: periods.map((p) => total(p, c)),
        })),
        xAxis: { es: 'Período', en: 'Period' },
        yAxis: { es: 'Casos abiertos', en: 'Cases opened' },
      },
      // A row per category, a column per period: a semester has at most six months, while the
      // categories could not all fit across a page.
      table: {
        header: [
          { es: 'Categoría', en: 'Category' },
          ...periods.map((p) => label('TIME_PERIOD', p)),
        ],
        rows: categories.map((c) => ({
          label: label('CATEGORY', c),
          values: periods.map((p) => total(p, c)),
        })),
      },
      empty: null,
    };
  }
  return byCountrySection(pick, {
    ...base,
    measure: 'cases_opened',
    dimension: 'category',
    column: 'CATEGORY',
    description: {
      es: 'Casos abiertos en el semestre por categoría, por país y total regional (las exportaciones no traen períodos dentro del semestre).',
      en: 'Cases opened in the semester by category, per country and regional total (the exports have no periods within the semester).',
    },
    xAxis: { es: 'Categoría', en: 'Category' },
    yAxis: { es: 'Casos abiertos', en: 'Cases opened' },
    empty: {
      es: 'Ningún país informó casos abiertos por categoría.',
      en: 'No country reported cases opened by category.',
    },
  });
}

function flowsSection(pick: Pick): ReportChartSection {
  return byCountrySection(pick, {
    id: 'flows',
    title: {
      es: 'Flujos por país de origen y país receptor',
      en: 'Flows by country of origin and host country',
    },
    measure: 'cases_opened',
    dimension: 'host_country',
    column: 'HOST_COUNTRY',
    description: {
      es: 'Casos abiertos en el semestre por país receptor y país de origen de las personas (el país que informa; una barra y una columna por país de origen), con el total regional por país receptor.',
      en: 'Cases opened in the semester by host country and the persons’ country of origin (the reporting country; a bar and a column per country of origin), with the regional total per host country.',
    },
    seriesLabel: (country: string) => ({ es: `Origen: ${country}`, en: `Origin: ${country}` }),
    xAxis: { es: 'País receptor', en: 'Host country' },
    yAxis: { es: 'Casos abiertos', en: 'Cases opened' },
    empty: {
      es: 'Ningún país informó casos abiertos por país receptor.',
      en: 'No country reported cases opened by host country.',
    },
  });
}

function returnsSection(pick: Pick): ReportChartSection {
  return byCountrySection(pick, {
    id: 'returns',
    title: { es: 'Retornos', en: 'Returns' },
    measure: 'returns',
    dimension: 'return_mode',
    column: 'RETURN_MODE',
    description: {
      es: 'Personas retornadas en el semestre por medio de retorno, por país y total regional.',
      en: 'Persons returned in the semester by mode of return, per country and regional total.',
    },
    xAxis: { es: 'Medio del retorno', en: 'Return mode' },
    yAxis: { es: 'Personas retornadas', en: 'Persons returned' },
    empty: { es: 'Ningún país informó retornos.', en: 'No country reported returns.' },
  });
}

/**
 * The median each country published, side by side, never summed or averaged: medians of
 * different countries do not combine into the region's median.
 */
function notificationDelaySection(pick: Pick): ReportChartSection {
  const base = {
    id: 'notification_delay' as const,
    title: {
      es: 'Demora en la notificación consular de detenciones',
      en: 'Delay in consular notification of detentions',
    },
    description: {
      es: 'Mediana de horas entre la detención y la notificación consular, tal como la publicó cada país. Las medianas no se suman ni se promedian entre países: no hay total regional.',
      en: 'Median hours from arrest to consular notification, as each country published it. Medians do not add up or average across countries: there is no regional total.',
    },
  };
  const reported = pick('notification_delay', []).flatMap(({ document }) => {
    const columns = document.metadata.dimensions.map((d) => d.column);
    return document.metadata.scope.countries.flatMap((country) => {
      const row = document.rows.find(
        (r) =>
          r.MEASURE === 'notification_delay' &&
          r.REF_AREA === country &&
          columns.every((c) => r[c] === TOTAL),
      );
      if (!row) return [];
      const suppressed = row.CONF_STATUS === 'C' || row.OBS_VALUE === null;
      return [{ country, value: { value: suppressed ? null : Number(row.OBS_VALUE), suppressed } }];
    });
  });
  reported.sort((a, b) => (a.country < b.country ? -1 : 1));
  if (!reported.length)
    return {
      ...base,
      chart: null,
      table: null,
      empty: {
        es: 'Ningún país informó demoras de notificación de detenciones.',
        en: 'No country reported detention notification delays.',
      },
    };
  const hours = { es: 'Mediana (horas)', en: 'Median (hours)' };
  return {
    ...base,
    chart: {
      categories: reported.map((r) => same(r.country)),
      series: [{ label: hours, values: reported.map((r) => r.value) }],
      xAxis: { es: 'País', en: 'Country' },
      yAxis: hours,
    },
    table: {
      header: [{ es: 'País', en: 'Country' }, hours],
      rows: reported.map((r) => ({ label: same(r.country), values: [r.value] })),
    },
    empty: null,
  };
}

/** A count by one dimension: the dimension's codes on the axis, a bar per country and the region. */
function byCountrySection(
  pick: Pick,
  spec: {
    id: ReportChartSection['id'];
    title: Bilingual;
    description: Bilingual;
    measure: string;
    dimension: string;
    column: string;
    xAxis: Bilingual;
    yAxis: Bilingual;
    empty: Bilingual;
    seriesLabel?: (country: string) => Bilingual;
  },
): ReportChartSection {
  const base = { id: spec.id, title: spec.title, description: spec.description };
  const used = pick(spec.measure, [spec.dimension]);
  const table = used.length ? tableOf(used, spec.measure, [spec.column]) : null;
  const rows = table?.rows.filter((r) => r.codes[0] !== TOTAL) ?? [];
  if (!table || !rows.length) return { ...base, chart: null, table: null, empty: spec.empty };
  const label = labeller(used);
  const valuesOf = (row: RegionalTable['rows'][number]): ReportValue[] => [
    ...row.cells.map(({ value, suppressed }) => ({ value, suppressed })),
    { ...row.total },
  ];
  const totalRow = table.rows.find((r) => r.codes[0] === TOTAL);
  return {
    ...base,
    chart: {
      categories: rows.map((r) => label(spec.column, r.codes[0])),
      series: table.countries.map((country, i) => ({
        label: (spec.seriesLabel ?? same)(country),
        values: rows.map((r) => ({ value: r.cells[i].value, suppressed: r.cells[i].suppressed })),
      })),
      xAxis: spec.xAxis,
      yAxis: spec.yAxis,
    },
    table: {
      header: [spec.xAxis, ...table.countries.map(same), REGION],
      rows: [
        ...rows.map((r) => ({ label: label(spec.column, r.codes[0]), values: valuesOf(r) })),
        ...(totalRow ? [{ label: { es: 'Total', en: 'Total' }, values: valuesOf(totalRow) }] : []),
      ],
    },
    empty: null,
  };
}

function tableOf(
  sources: readonly ReportSource[],
  measure: string,
  columns: string[],
): RegionalTable {
  return regionalTable(
    sources.map(({ document }) => ({
      countries: document.metadata.scope.countries,
      columns: document.metadata.dimensions.map((d) => d.column),
      rows: document.rows,
    })),
    measure,
    columns,
    strictestK(sources),
  );
}

function codesOf(table: RegionalTable, index: number): string[] {
  return [...new Set(table.rows.map((r) => r.codes[index]))];
}

/** Code labels merged from the exports (the first export's label wins); the code itself else. */
function labeller(sources: readonly ReportSource[]): (column: string, code: string) => Bilingual {
  const labels = new Map<string, Bilingual>();
  for (const { document } of sources)
    for (const dimension of document.metadata.dimensions)
      for (const { code, label } of dimension.codes ?? []) {
        const key = `${dimension.column}\u0000${code}`;
        if (!labels.has(key)) labels.set(key, label);
      }
  return (column, code) => labels.get(`${column}\u0000${code}`) ?? same(code);
}

function same(text: string): Bilingual {
  return { es: text, en: text };
}
