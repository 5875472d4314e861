import { FieldError } from '@amparo/core';
import { DOCUMENT_TYPES, SEXES } from '@amparo/cases';
import { ColumnMapping, ImportColumnKey } from './import-columns';
import { WELFARE_STATUSES } from '../crisis-codes';
import { dedupeKey } from './dedupe-key';

/** A row as it goes onto the roster. */
export interface ImportedPerson {
  givenNames: string;
  familyNames: string;
  documentType: string | null;
  documentNumber: string | null;
  documentCountry: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  contact: string | null;
  locationSubdivision: string | null;
  locationText: string | null;
  welfareStatus: string;
  dedupeKey: string;
}

/** Reference data a row is checked against, loaded once per file. */
export interface RowChecks {
  /** ISO 3166-1 alpha-2 codes known to the directory. */
  countries: ReadonlySet<string>;
  /** ISO 3166-2 codes of the event's host country. */
  hostSubdivisions: ReadonlySet<string>;
  today: Date;
}

export type RowResult = { ok: true; person: ImportedPerson } | { ok: false; errors: FieldError[] };

const LIMITS = { name: 200, contact: 200, location: 500 } as const;

// Spellings of the codes a list from an airline or a hotel uses, beside the codes themselves.
const SEX_WORDS: Record<string, string> = {
  f: 'female',
  m: 'male',
  mujer: 'female',
  femenino: 'female',
  hombre: 'male',
  masculino: 'male',
  intersexual: 'intersex',
  desconocido: 'unknown',
  x: 'unknown',
};

/**
 * Checks one data row and, when it is valid, the person to record. Every problem of the row is
 * reported, each under the header the file gave its column, in Spanish and English.
 */
export function validateImportRow(
  cells: string[],
  columns: ColumnMapping,
  checks: RowChecks,
): RowResult {
  const errors: FieldError[] = [];
  const cell = (key: ImportColumnKey): string => {
    const i = columns.index[key];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const fail = (key: ImportColumnKey, code: string, es: string, en: string) => {
    errors.push({ field: columns.header[key] ?? key, code, message: { es, en } });
  };
  const optional = (key: ImportColumnKey) => cell(key) || null;

  const givenNames = cell('givenNames').replace(/\s+/g, ' ');
  const familyNames = cell('familyNames').replace(/\s+/g, ' ');
  if (!givenNames) fail('givenNames', 'REQUIRED', 'Indique los nombres.', 'Enter the given names.');
  for (const [key, value] of [
    ['givenNames', givenNames],
    ['familyNames', familyNames],
  ] as const) {
    if (value.length > LIMITS.name)
      fail(key, 'TOO_LONG', 'Como máximo 200 caracteres.', 'At most 200 characters.');
  }

  const document = documentOf(cell, fail, checks);
  const dateOfBirth = dateOfBirthOf(cell('dateOfBirth'), checks.today, fail);

  let sex = optional('sex')?.toLowerCase() ?? null;
  if (sex) {
    sex = SEX_WORDS[sex] ?? sex;
    if (!(SEXES as readonly string[]).includes(sex))
      fail(
        'sex',
        'UNKNOWN_CODE',
        `Use uno de: ${SEXES.join(', ')}.`,
        `Use one of: ${SEXES.join(', ')}.`,
      );
  }

  const contact = optional('contact');
  if (contact && contact.length > LIMITS.contact)
    fail('contact', 'TOO_LONG', 'Como máximo 200 caracteres.', 'At most 200 characters.');
  const locationText = optional('locationText');
  if (locationText && locationText.length > LIMITS.location)
    fail('locationText', 'TOO_LONG', 'Como máximo 500 caracteres.', 'At most 500 characters.');

  const locationSubdivision = optional('locationSubdivision')?.toUpperCase() ?? null;
  if (locationSubdivision && !checks.hostSubdivisions.has(locationSubdivision))
    fail(
      'locationSubdivision',
      'NOT_IN_HOST_COUNTRY',
      'No es un código ISO 3166-2 del país del evento (p. ej. US-FL).',
      "Not an ISO 3166-2 code of the event's country (e.g. US-FL).",
    );

  const welfareStatus = (optional('welfareStatus') ?? 'unaccounted').toLowerCase();
  if (!(WELFARE_STATUSES as readonly string[]).includes(welfareStatus))
    fail(
      'welfareStatus',
      'UNKNOWN_CODE',
      `Use uno de: ${WELFARE_STATUSES.join(', ')}.`,
      `Use one of: ${WELFARE_STATUSES.join(', ')}.`,
    );

  if (errors.length) return { ok: false, errors };
  const identity = { givenNames, familyNames, ...document, dateOfBirth };
  return {
    ok: true,
    person: {
      ...identity,
      sex,
      contact,
      locationSubdivision,
      locationText,
      welfareStatus,
      dedupeKey: dedupeKey(identity),
    },
  };
}

type Fail = (key: ImportColumnKey, code: string, es: string, en: string) => void;

/** A document is all three of type, number and issuing country, or none of them. */
function documentOf(cell: (key: ImportColumnKey) => string, fail: Fail, checks: RowChecks) {
  const type = cell('documentType').toLowerCase() || null;
  const rawNumber = cell('documentNumber');
  const number = rawNumber.toUpperCase().replace(/[^A-Z0-9]/g, '') || null;
  const country = cell('documentCountry').toUpperCase() || null;
  const none = { documentType: null, documentNumber: null, documentCountry: null };
  if (!type && !rawNumber && !country) return none;
  if (!type)
    fail('documentType', 'REQUIRED', 'Indique el tipo de documento.', 'Enter the document type.');
  else if (!(DOCUMENT_TYPES as readonly string[]).includes(type))
    fail(
      'documentType',
      'UNKNOWN_CODE',
      `Use uno de: ${DOCUMENT_TYPES.join(', ')}.`,
      `Use one of: ${DOCUMENT_TYPES.join(', ')}.`,
    );
  if (!number)
    fail(
      'documentNumber',
      'REQUIRED',
      'Indique el número del documento.',
      'Enter the document number.',
    );
  else if (type === 'passport' && !/^[A-Z0-9]{6,9}$/.test(number))
    fail(
      'documentNumber',
      'BAD_FORMAT',
      'Un pasaporte tiene de 6 a 9 letras o dígitos.',
      'A passport number has 6 to 9 letters or digits.',
    );
  else if (number.length < 4 || number.length > 30)
    fail(
      'documentNumber',
      'BAD_FORMAT',
      'Entre 4 y 30 letras o dígitos.',
      'Between 4 and 30 letters or digits.',
    );
  if (!country)
    fail(
      'documentCountry',
      'REQUIRED',
      'Indique el país que emitió el documento (código ISO, p. ej. MX).',
      'Enter the country that issued the document (ISO code, e.g. MX).',
    );
  else if (!checks.countries.has(country))
    fail(
      'documentCountry',
      'UNKNOWN_COUNTRY',
      'No es un código de país ISO 3166-1.',
      'Not an ISO 3166-1 country code.',
    );
  return { documentType: type, documentNumber: number, documentCountry: country };
}

/** ISO (1990-05-31) or day first (31/05/1990), a real date, not in the future, a plausible age. */
function dateOfBirthOf(text: string, today: Date, fail: Fail): string | null {
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2].padStart(2, '0'), dayFirst[1].padStart(2, '0')]
      : [];
  const date = y ? new Date(`${y}-${m}-${d}T00:00:00Z`) : null;
  if (
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`
  ) {
    fail(
      'dateOfBirth',
      'BAD_DATE',
      'Fecha no válida: use AAAA-MM-DD o DD/MM/AAAA.',
      'Invalid date: use YYYY-MM-DD or DD/MM/YYYY.',
    );
    return null;
  }
  if (date > today) {
    fail(
      'dateOfBirth',
      'IN_THE_FUTURE',
      'La fecha de nacimiento no puede ser futura.',
      'The birth date cannot be in the future.',
    );
    return null;
  }
  if (today.getUTCFullYear() - date.getUTCFullYear() > 130) {
    fail(
      'dateOfBirth',
      'IMPLAUSIBLE',
      'La fecha de nacimiento no es plausible.',
      'The birth date is not plausible.',
    );
    return null;
  }
  return `${y}-${m}-${d}`;
}
