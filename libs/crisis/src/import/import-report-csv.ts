import { Locale, csvLine } from '@amparo/core';
import { ImportRowReport } from './crisis-import';

const HEADERS: Record<Locale, string[]> = {
  es: ['fila', 'estado', 'columna', 'codigo', 'mensaje'],
  en: ['row', 'status', 'column', 'code', 'message'],
};

const STATUS_LABELS: Record<Locale, Record<ImportRowReport['status'], string>> = {
  es: { valid: 'válida', invalid: 'con errores', duplicate: 'duplicada' },
  en: { valid: 'valid', invalid: 'invalid', duplicate: 'duplicate' },
};

const DUPLICATE: Record<Locale, string> = {
  es: 'La persona ya figura en la lista del evento o más arriba en el archivo.',
  en: "The person is already on the event's roster or earlier in the file.",
};

/**
 * The per-row report as CSV (UTF-8 with a BOM so spreadsheets read the accents), one line per
 * problem and one per row without any. It repeats headers and codes, never a value of the file;
 * cells are defused like every CSV the registry writes (csvLine).
 */
export function importReportCsv(rows: ImportRowReport[], locale: Locale): string {
  const lines = [csvLine(HEADERS[locale])];
  for (const r of rows) {
    const status = STATUS_LABELS[locale][r.status];
    if (r.status === 'duplicate')
      lines.push(csvLine([r.row, status, '', 'DUPLICATE', DUPLICATE[locale]]));
    else if (!r.errors.length) lines.push(csvLine([r.row, status, '', '', '']));
    for (const e of r.errors)
      lines.push(csvLine([r.row, status, e.field, e.code, e.message[locale]]));
  }
  return `\uFEFF${lines.join('')}`;
}
