import { DomainError } from '@amparo/core';
import { IMPORT_LIMITS } from './import-limits';
import './import-errors';

export type ImportFormat = 'csv' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The file's format from its content, never from its name or declared type: an XLSX workbook is a
 * zip (PK\x03\x04); anything else must be UTF-8 text without NUL bytes to be read as CSV.
 */
export function detectImportFormat(bytes: Buffer): ImportFormat {
  if (!bytes.length) throw new DomainError('IMPORT_FILE_EMPTY', 'invalid');
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw importFileTooLarge();
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'xlsx';
  if (bytes.includes(0) || !isUtf8(bytes))
    throw new DomainError('IMPORT_FILE_TYPE', 'unsupported_media_type');
  return 'csv';
}

export const importFileTooLarge = () =>
  new DomainError('IMPORT_FILE_TOO_LARGE', 'payload_too_large', {
    params: { limit: `${IMPORT_LIMITS.maxBytes / (1024 * 1024)} MB` },
  });

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
