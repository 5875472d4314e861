/** A value of one cell of a CSV or XLSX file the registry produces; null is an empty cell. */
export type TabularValue = string | number | null;

/**
 * Text a spreadsheet would run as a formula when the file is opened (OWASP "CSV injection"): a
 * leading = + - @, tab, carriage return or line feed, and their full-width forms, which some
 * spreadsheets also accept.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The text with a leading apostrophe when a spreadsheet would otherwise run it as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** A cell as it goes into any CSV or XLSX file: text defused, numbers and blanks as they are. */
export function spreadsheetCell(value: TabularValue): TabularValue {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/** One RFC 4180 record (CRLF) of defused cells. Every CSV the registry writes is made of these. */
export function csvLine(values: readonly TabularValue[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

function csvField(value: TabularValue): string {
  if (value === null) return '';
  const text = String(spreadsheetCell(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
