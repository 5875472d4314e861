import { DomainError, FieldError } from '@amparo/core';
import './import-errors';

/** The roster fields a file may carry, each under its Spanish or English header. */
export const IMPORT_COLUMNS = [
  { key: 'givenNames', es: 'nombres', en: 'given_names', required: true },
  { key: 'familyNames', es: 'apellidos', en: 'family_names', required: false },
  { key: 'documentType', es: 'tipo_documento', en: 'document_type', required: false },
  { key: 'documentNumber', es: 'numero_documento', en: 'document_number', required: false },
  { key: 'documentCountry', es: 'pais_documento', en: 'document_country', required: false },
  { key: 'dateOfBirth', es: 'fecha_nacimiento', en: 'date_of_birth', required: false },
  { key: 'sex', es: 'sexo', en: 'sex', required: false },
  { key: 'contact', es: 'contacto', en: 'contact', required: false },
  { key: 'locationSubdivision', es: 'subdivision', en: 'location_subdivision', required: false },
  { key: 'locationText', es: 'ubicacion', en: 'location', required: false },
  { key: 'welfareStatus', es: 'estado_bienestar', en: 'welfare_status', required: false },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** Which cell of a row holds each field, and the header text the file gave it (for the report). */
export interface ColumnMapping {
  index: Partial<Record<ImportColumnKey, number>>;
  header: Partial<Record<ImportColumnKey, string>>;
  /** The file's headers in order, each with the field it maps to. */
  columns: { header: string; key: ImportColumnKey }[];
}

/** Lower case, no accents, words joined by `_`: "Fecha de nacimiento" and "fecha_nacimiento" agree. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const ALIASES = new Map<string, ImportColumnKey>();
for (const column of IMPORT_COLUMNS) {
  ALIASES.set(column.es, column.key);
  ALIASES.set(column.en, column.key);
}
// Spellings people write by hand: "Fecha de nacimiento", "Número de documento", "Given names".
for (const [alias, key] of [
  ['tipo_de_documento', 'documentType'],
  ['numero_de_documento', 'documentNumber'],
  ['pais_del_documento', 'documentCountry'],
  ['pais_de_documento', 'documentCountry'],
  ['fecha_de_nacimiento', 'dateOfBirth'],
  ['estado_de_bienestar', 'welfareStatus'],
  ['location_text', 'locationText'],
] as const)
  ALIASES.set(alias, key);

const problem = (field: string, code: string, es: string, en: string): FieldError => ({
  field,
  code,
  message: { es, en },
});

/**
 * Maps the header row to the roster fields. Unknown, repeated or missing required columns are all
 * reported at once (400 IMPORT_COLUMNS), so one correction fixes the file.
 */
export function mapImportColumns(header: string[]): ColumnMapping {
  const mapping: ColumnMapping = { index: {}, header: {}, columns: [] };
  const problems: FieldError[] = [];
  header.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) {
      problems.push(
        problem(
          `column ${i + 1}`,
          'EMPTY_HEADER',
          `La columna ${i + 1} no tiene encabezado.`,
          `Column ${i + 1} has no header.`,
        ),
      );
      return;
    }
    const key = ALIASES.get(normaliseHeader(text));
    if (!key) {
      problems.push(
        problem(
          text,
          'UNKNOWN_COLUMN',
          `Columna desconocida. Use: ${IMPORT_COLUMNS.map((c) => c.es).join(', ')}.`,
          `Unknown column. Use: ${IMPORT_COLUMNS.map((c) => c.en).join(', ')}.`,
        ),
      );
      return;
    }
    if (mapping.index[key] !== undefined) {
      problems.push(
        problem(
          text,
          'REPEATED_COLUMN',
          `Columna repetida (ya figura como «${mapping.header[key]}»).`,
          `Repeated column (already present as "${mapping.header[key]}").`,
        ),
      );
      return;
    }
    mapping.index[key] = i;
    mapping.header[key] = text;
    mapping.columns.push({ header: text, key });
  });
  for (const column of IMPORT_COLUMNS) {
    if (!column.required || mapping.index[column.key] !== undefined) continue;
    problems.push(
      problem(
        column.en,
        'MISSING_COLUMN',
        `Falta la columna obligatoria «${column.es}» (o «${column.en}»).`,
        `The required column "${column.en}" (or "${column.es}") is missing.`,
      ),
    );
  }
  if (problems.length)
    throw new DomainError('IMPORT_COLUMNS', 'invalid', { fieldErrors: problems });
  return mapping;
}
