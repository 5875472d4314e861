import { DomainError } from '@amparo/core';
import * as ExcelJS from 'exceljs';
import { guessDelimiter, readImportFile } from './import-file-reader';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lista');
  rows.forEach((r) => sheet.addRow(r));
  workbook.addWorksheet('Notas').addRow(['ignored']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: DomainError) => e.code,
  );

describe('readImportFile', () => {
  it('reads a CSV with `;`, a BOM, quoted cells and blank lines, numbering rows as the file does', async () => {
    const csv = '\uFEFFnombres;apellidos\r\n"María José";"Pérez; López"\r\n\r\nAna;Ruiz\r\n';
    const content = await readImportFile(Buffer.from(csv), 'csv');
    expect(content.header).toEqual(['nombres', 'apellidos']);
    expect(content.rows).toEqual([
      { row: 2, cells: ['María José', 'Pérez; López'] },
      { row: 4, cells: ['Ana', 'Ruiz'] },
    ]);
  });

  it('reads a CSV with `,`', async () => {
    const content = await readImportFile(
      Buffer.from('given_names,family_names\nAna,Ruiz\n'),
      'csv',
    );
    expect(content.rows[0].cells).toEqual(['Ana', 'Ruiz']);
  });

  it('guesses the delimiter from the header line only', () => {
    expect(guessDelimiter('a;b;c\n1,2,3')).toBe(';');
    expect(guessDelimiter('a,b\n1;2;3;4')).toBe(',');
    expect(guessDelimiter('"x;y",b\n')).toBe(',');
  });

  it('reads the first sheet of an XLSX, dates as ISO dates and numbers as text', async () => {
    const bytes = await xlsx([
      ['nombres', 'fecha_nacimiento', 'numero_documento'],
      ['Ana', new Date(Date.UTC(1990, 4, 31)), 123456789],
      [],
      [{ richText: [{ text: 'Jo' }, { text: 'sé' }] }, '31/05/1990', null],
    ]);
    const content = await readImportFile(bytes, 'xlsx');
    expect(content.header).toEqual(['nombres', 'fecha_nacimiento', 'numero_documento']);
    expect(content.rows).toEqual([
      { row: 2, cells: ['Ana', '1990-05-31', '123456789'] },
      { row: 4, cells: ['José', '31/05/1990'] },
    ]);
  });

  it('answers a clear error for an unclosed quote, a corrupt workbook, a header alone or nothing', async () => {
    expect(await codeOf(readImportFile(Buffer.from('nombres\n"Ana\n'), 'csv'))).toBe(
      'IMPORT_FILE_UNREADABLE',
    );
    const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 7)]);
    expect(await codeOf(readImportFile(corrupt, 'xlsx'))).toBe('IMPORT_FILE_UNREADABLE');
    expect(await codeOf(readImportFile(Buffer.from('nombres;apellidos\n'), 'csv'))).toBe(
      'IMPORT_NO_ROWS',
    );
    expect(await codeOf(readImportFile(Buffer.from('\n\n'), 'csv'))).toBe('IMPORT_FILE_EMPTY');
  });

  it('never repeats a value of the file in the unreadable-file error', async () => {
    const error = await readImportFile(Buffer.from('nombres\nSecreto "Nombre\n'), 'csv').catch(
      (e: DomainError) => e,
    );
    expect(JSON.stringify((error as DomainError).details)).not.toContain('Secreto');
  });
});
