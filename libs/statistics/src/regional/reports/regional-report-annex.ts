import { TabularValue, spreadsheetCell } from '@amparo/core';
import { Workbook, Worksheet } from 'exceljs';
import {
  Bilingual,
  RegionalReportContent,
  ReportChartSection,
  ReportValue,
} from './regional-report-content';
import { REPORT_TEXT, disclosureParagraphs } from './regional-report-text';

/** Sheet names of the annex: both languages, as Excel allows them (no "/", 31 characters at most). */
export const ANNEX_SHEETS: Record<ReportChartSection['id'] | 'sources' | 'disclosure', string> = {
  categories: 'Categorías - Categories',
  flows: 'Flujos - Flows',
  returns: 'Retornos - Returns',
  notification_delay: 'Notificación - Notification',
  sources: 'Fuentes - Sources',
  disclosure: 'Regla - Disclosure',
};

const SUPPRESSED_NOTE: Bilingual = {
  es: 'Suprimida por el control de divulgación',
  en: 'Suppressed by disclosure control',
};

/**
 * The consolidated tables of the report as one bilingual workbook (headers "Categoría / Category"):
 * a sheet per table with each country's column and the regional total, a suppressed cell as "x"
 * with a note, never 0; then the sources and the disclosure rule.
 */
export async function renderRegionalReportAnnex(content: RegionalReportContent): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Amparo';
  workbook.created = new Date(content.generatedAt);
  for (const section of content.charts) {
    const sheet = workbook.addWorksheet(ANNEX_SHEETS[section.id]);
    addRow(sheet, [both(section.title)]).font = { bold: true };
    addRow(sheet, [both(section.description)]);
    addRow(sheet, []);
    if (!section.table) {
      addRow(sheet, [both(section.empty!)]);
      continue;
    }
    const header = addRow(sheet, section.table.header.map(both));
    header.font = { bold: true };
    for (const row of section.table.rows) {
      const added = addRow(sheet, [both(row.label), ...row.values.map(cellValue)]);
      row.values.forEach((value, i) => {
        if (value.suppressed) added.getCell(i + 2).note = both(SUPPRESSED_NOTE);
      });
    }
    sheet.getColumn(1).width = 40;
    for (let i = 2; i <= section.table.header.length; i++) sheet.getColumn(i).width = 18;
  }

  const sources = workbook.addWorksheet(ANNEX_SHEETS.sources);
  addRow(sources, [
    'País / Country',
    'Exportación / Export',
    'Clave / Key id',
    'Huella / Fingerprint',
    'SHA-256',
  ]).font = { bold: true };
  for (const s of content.sources)
    addRow(sources, [s.countries.join(', '), s.regionalExportId, s.keyId, s.fingerprint, s.sha256]);
  [16, 38, 20, 82, 66].forEach((width, i) => (sources.getColumn(i + 1).width = width));

  const rule = workbook.addWorksheet(ANNEX_SHEETS.disclosure);
  addRow(rule, [both(REPORT_TEXT.title), content.semester]).font = { bold: true };
  addRow(rule, ['k', content.k]);
  addRow(rule, [both(REPORT_TEXT.countries), content.countries.join(', ')]);
  addRow(rule, []);
  for (const paragraph of disclosureParagraphs(content.k)) {
    addRow(rule, [paragraph.es]);
    addRow(rule, [paragraph.en]);
  }
  rule.getColumn(1).width = 120;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function both(text: Bilingual): string {
  return text.es === text.en ? text.es : `${text.es} / ${text.en}`;
}

function cellValue(value: ReportValue): TabularValue {
  return value.suppressed || value.value === null ? 'x' : value.value;
}

/** Every cell defused like the exports' cells, so no text runs as a formula. */
function addRow(sheet: Worksheet, cells: TabularValue[]) {
  return sheet.addRow(cells.map(spreadsheetCell));
}
