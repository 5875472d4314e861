import { Workbook } from 'exceljs';
import PDFDocument from 'pdfkit';
import { regionalExportFixture } from '../../export-format/regional-export.fixture';
import { ANNEX_SHEETS, renderRegionalReportAnnex } from './regional-report-annex';
import { ReportSource, regionalReportContent } from './regional-report-content';
import { cellText } from './regional-report-pdf';
import { reportExportFixture } from './regional-report.fixture';
import { drawBarChart } from './report-chart';

const source = (document: ReportSource['document'], n: number): ReportSource => ({
  regionalExportId: `00000000-0000-4000-8000-00000000000${n}`,
  keyId: `${n}`.repeat(16),
  fingerprint: `${n}${n}${n}${n} `.repeat(16).trim(),
  sha256: `${n}`.repeat(64),
  document,
});

const content = (
  sources = [source(reportExportFixture('GT'), 1), source(reportExportFixture('MX'), 2)],
) =>
  regionalReportContent({
    semester: '2026-S1',
    generatedAt: '2026-07-20T10:00:00.000Z',
    sources,
    practices: [
      {
        title: { es: 'Protocolo binacional', en: 'Binational protocol' },
        kind: 'protocol',
        countries: ['GT', 'MX'],
        summary: 'Sin coordinación entre consulados.',
        publishedAt: '2026-03-10T10:00:00.000Z',
      },
    ],
  });

const section = (report: ReturnType<typeof content>, id: string) =>
  report.charts.find((c) => c.id === id)!;

describe('regionalReportContent', () => {
  it('states the semester, the countries, the strictest k and each source with its key and fingerprint', () => {
    const report = content();
    expect(report.countries).toEqual(['GT', 'MX']);
    expect(report.k).toBe(5);
    expect(report.sources).toEqual([
      expect.objectContaining({
        countries: ['GT'],
        keyId: '1111111111111111',
        sha256: '1'.repeat(64),
      }),
      expect.objectContaining({ countries: ['MX'], fingerprint: expect.stringMatching(/^2222 /) }),
    ]);
    expect(report.charts.map((c) => c.id)).toEqual([
      'categories',
      'flows',
      'returns',
      'notification_delay',
    ]);
    expect(report.practices).toHaveLength(1);
  });

  it('charts cases by category over the months, with regional totals only where both countries published', () => {
    const { chart, table } = section(content(), 'categories');
    expect(chart!.categories.map((c) => c.en)).toEqual([
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
      'Apr 2026',
      'May 2026',
      'Jun 2026',
    ]);
    const series = (en: string) => chart!.series.find((s) => s.label.en === en)!.values;
    // January: GT 8 + MX 14 trafficking.
    expect(series('Human trafficking')[0]).toEqual({ value: 22, suppressed: false });
    // March: MX suppressed its trafficking cases, so no regional total, and never a 0.
    expect(series('Human trafficking')[2]).toEqual({ value: null, suppressed: true });
    // February: GT suppressed its unaccompanied children.
    expect(series('Unaccompanied child')[1]).toEqual({ value: null, suppressed: true });
    // A published 0 stays a 0 (GT's March criminal detentions) and the total is MX's 6.
    expect(series('Criminal detention')[2]).toEqual({ value: 6, suppressed: false });
    // The table holds the same figures as the chart.
    expect(table!.rows.map((r) => [r.label.en, r.values])).toEqual(
      chart!.series.map((s) => [s.label.en, s.values]),
    );
  });

  it('tabulates flows by host country with a column per country of origin and the regional total', () => {
    const { chart, table } = section(content(), 'flows');
    expect(chart!.series.map((s) => s.label.en)).toEqual(['Origin: GT', 'Origin: MX']);
    expect(table!.header.map((h) => h.en)).toEqual(['Host country', 'GT', 'MX', 'Regional total']);
    const us = table!.rows.find((r) => r.label.en === 'United States')!;
    expect(us.values.map((v) => v.value)).toEqual([60, 160, 220]);
    expect(table!.rows.at(-1)!.label.en).toBe('Total');
  });

  it('suppresses the regional total of returns by land, since GT suppressed its cell', () => {
    const { chart, table } = section(content(), 'returns');
    const land = table!.rows.find((r) => r.label.en === 'Land')!;
    expect(land.values).toEqual([
      { value: null, suppressed: true },
      { value: 33, suppressed: false },
      { value: null, suppressed: true },
    ]);
    expect(chart!.series[0].values[chart!.categories.findIndex((c) => c.en === 'Land')]).toEqual({
      value: null,
      suppressed: true,
    });
  });

  it('shows each country’s notification delay median as published, with no regional total', () => {
    const { table, description } = section(content(), 'notification_delay');
    expect(table!.header.map((h) => h.en)).toEqual(['Country', 'Median (hours)']);
    expect(table!.rows.map((r) => [r.label.en, r.values])).toEqual([
      ['GT', [{ value: 30.5, suppressed: false }]],
      ['MX', [{ value: null, suppressed: true }]],
    ]);
    expect(description.en).toContain('no regional total');
  });

  it('says so when no country reported a measure, and falls back to countries when there are no months', () => {
    const report = content([
      source(regionalExportFixture('GT'), 1),
      source(regionalExportFixture('MX'), 2),
    ]);
    expect(section(report, 'returns')).toMatchObject({
      chart: null,
      table: null,
      empty: { es: 'Ningún país informó retornos.', en: 'No country reported returns.' },
    });
    expect(section(report, 'notification_delay').empty!.en).toBe(
      'No country reported detention notification delays.',
    );
    const categories = section(report, 'categories');
    expect(categories.chart!.series.map((s) => s.label.en)).toEqual(['GT', 'MX']);
    const trafficking = categories.table!.rows.find((r) => r.label.en === 'Human trafficking')!;
    expect(trafficking.values.map((v) => v.value)).toEqual([40, 12, 52]);
  });
});

describe('the report’s drawing and annex', () => {
  it('writes a suppressed figure as "x" in tables, and 0 as 0', () => {
    expect(cellText({ value: null, suppressed: true }, 'es')).toBe('x');
    expect(cellText({ value: 0, suppressed: false }, 'en')).toBe('0');
    expect(cellText({ value: 30.5, suppressed: false }, 'es')).toBe('30,5');
  });

  it('draws a bar for every published figure above 0 and none for a suppressed one', () => {
    const chart = section(content(), 'returns').chart!;
    const doc = new PDFDocument({ size: 'A4' });
    const rect = jest.spyOn(doc, 'rect');
    drawBarChart(doc, chart, 'en', { x: 50, y: 50, width: 495, height: 250 });
    doc.end();
    const bars = chart.series.flatMap((s) => s.values).filter((v) => !v.suppressed && v.value! > 0);
    // 3 bars (GT air, MX air, MX land) and one legend square per series; GT land is a gap.
    expect(bars).toHaveLength(3);
    expect(rect).toHaveBeenCalledTimes(bars.length + chart.series.length);
  });

  it('writes a bilingual annex: a sheet per table, suppressed cells as "x" with a note, sources and rule', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await renderRegionalReportAnnex(content())) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.values(ANNEX_SHEETS));
    const returns = workbook.getWorksheet(ANNEX_SHEETS.returns)!;
    expect(returns.getRow(4).values).toEqual([
      undefined,
      'Medio del retorno / Return mode',
      'GT',
      'MX',
      'Total regional / Regional total',
    ]);
    const land = returns.getRow(6);
    expect([
      land.getCell(1).value,
      land.getCell(2).value,
      land.getCell(3).value,
      land.getCell(4).value,
    ]).toEqual(['Terrestre / Land', 'x', 33, 'x']);
    expect(String(land.getCell(2).note)).toContain('Suppressed by disclosure control');
    const sources = workbook.getWorksheet(ANNEX_SHEETS.sources)!;
    expect(sources.getRow(2).getCell(3).value).toBe('1111111111111111');
  });
});
