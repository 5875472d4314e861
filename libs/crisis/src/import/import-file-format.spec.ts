import { DomainError } from '@amparo/core';
import { detectImportFormat } from './import-file-format';
import { IMPORT_LIMITS } from './import-limits';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'no error';
};

describe('detectImportFormat', () => {
  it('reads a zip as XLSX and UTF-8 text as CSV, whatever the file is called', () => {
    expect(detectImportFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('xlsx');
    expect(detectImportFormat(Buffer.from('\uFEFFnombres;apellidos\nJosé;Pérez\n'))).toBe('csv');
  });

  it('refuses text that is not UTF-8 (a Latin-1 export) and binary files', () => {
    expect(codeOf(() => detectImportFormat(Buffer.from([0x6e, 0xe9, 0x0a])))).toBe(
      'IMPORT_FILE_TYPE',
    );
    expect(codeOf(() => detectImportFormat(Buffer.from('%PDF-1.7\n\u0000\u0001')))).toBe(
      'IMPORT_FILE_TYPE',
    );
  });

  it('refuses an empty file and one over the size limit', () => {
    expect(codeOf(() => detectImportFormat(Buffer.alloc(0)))).toBe('IMPORT_FILE_EMPTY');
    expect(codeOf(() => detectImportFormat(Buffer.alloc(IMPORT_LIMITS.maxBytes + 1, 0x61)))).toBe(
      'IMPORT_FILE_TOO_LARGE',
    );
  });
});
