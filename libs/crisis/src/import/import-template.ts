import { Locale, csvLine, spreadsheetCell } from '@amparo/core';
import { DOCUMENT_TYPES, SEXES } from '@amparo/cases';
import * as ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from './import-columns';
import { WELFARE_STATUSES } from '../crisis-codes';
import { ImportFormat } from './import-file-format';

const CODES_SHEET: Record<Locale, { name: string; header: string[] }> = {
  es: { name: 'Códigos', header: ['columna', 'valores aceptados'] },
  en: { name: 'Codes', header: ['column', 'accepted values'] },
};

/** The accepted values of the coded columns, as the template's second sheet lists them. */
function codeLists(locale: Locale): [string, string][] {
  const name = (key: string) => IMPORT_COLUMNS.find((c) => c.key === key)![locale];
  return [
    [name('documentType'), DOCUMENT_TYPES.join(', ')],
    [name('sex'), SEXES.join(', ')],
    [name('welfareStatus'), WELFARE_STATUSES.join(', ')],
    [name('documentCountry'), 'ISO 3166-1 alpha-2 (MX, GT, US…)'],
    [name('locationSubdivision'), 'ISO 3166-2 (US-FL…)'],
    [name('dateOfBirth'), locale === 'es' ? 'AAAA-MM-DD o DD/MM/AAAA' : 'YYYY-MM-DD or DD/MM/YYYY'],
  ];
}

/** An empty list with the accepted headers in one language (either language is accepted back). */
export async function importTemplate(format: ImportFormat, locale: Locale): Promise<Buffer> {
  const header = IMPORT_COLUMNS.map((c) => c[locale]);
  if (format === 'csv') return Buffer.from(`\uFEFF${csvLine(header)}`, 'utf8');
  const workbook = new ExcelJS.Workbook();
  const list = workbook.addWorksheet(locale === 'es' ? 'Lista' : 'List');
  list.addRow(header.map(spreadsheetCell)).font = { bold: true };
  list.columns.forEach((column) => (column.width = 20));
  const codes = workbook.addWorksheet(CODES_SHEET[locale].name);
  codes.addRow(CODES_SHEET[locale].header.map(spreadsheetCell)).font = { bold: true };
  for (const row of codeLists(locale)) codes.addRow(row.map(spreadsheetCell));
  codes.getColumn(1).width = 22;
  codes.getColumn(2).width = 70;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
