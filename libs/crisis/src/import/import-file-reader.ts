import { DomainError } from '@amparo/core';
import { parse } from 'csv-parse/sync';
import * as ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ImportFormat } from './import-file-format';
import { IMPORT_LIMITS } from './import-limits';
import './import-errors';

/** A data row as the file has it: its row number in the file (the header is row 1) and its cells. */
export interface ImportFileRow {
  row: number;
  cells: string[];
}

export interface ImportFileContent {
  header: string[];
  rows: ImportFileRow[];
}

/** The header and data rows of a CSV or of the first sheet of an XLSX; blank rows are skipped. */
export async function readImportFile(
  bytes: Buffer,
  format: ImportFormat,
): Promise<ImportFileContent> {
  const rows = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  const [header, ...data] = rows;
  if (!header) throw new DomainError('IMPORT_FILE_EMPTY', 'invalid');
  if (!data.length) throw new DomainError('IMPORT_NO_ROWS', 'invalid');
  return { header: header.cells, rows: data };
}

const unreadable = (reason: string) =>
  new DomainError('IMPORT_FILE_UNREADABLE', 'invalid', { params: { reason } });

const tooManyRows = () =>
  new DomainError('IMPORT_TOO_MANY_ROWS', 'invalid', {
    params: { limit: IMPORT_LIMITS.maxRows },
  });

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

function readCsv(bytes: Buffer): ImportFileRow[] {
  const text = bytes.toString('utf8');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: guessDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // The header and the data are checked after reading, not by the parser.
      to: IMPORT_LIMITS.maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    // The parser's message may quote a value of the file: only its code and line are repeated.
    const { code, lines } = error as { code?: string; lines?: number };
    throw unreadable(`CSV ${code ?? 'ERROR'}${lines ? ` @ ${lines}` : ''}`);
  }
  const rows = records
    .map(({ record, info }) => ({ row: info.lines, cells: record }))
    .filter((r) => !isBlank(r.cells));
  if (rows.length > IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
  return rows;
}

/** `;` (what spreadsheets write where the decimal separator is a comma) or `,`, from the first line. */
export function guessDelimiter(text: string): ';' | ',' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

async function readXlsx(bytes: Buffer): Promise<ImportFileRow[]> {
  const rows: ImportFileRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      // Styles tell a date cell from a number.
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1);
        const cells = Array.from(values, cellText);
        if (isBlank(cells)) continue;
        rows.push({ row: row.number, cells });
        if (rows.length > IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
      }
      // The first sheet is the list; others (notes, lookups) are ignored.
      break;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable('XLSX');
  }
  return rows;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}
