import { FieldError } from '@amparo/core';
import { PersonDocument, PersonInput } from './person';

const problem = (field: string, code: string, es: string, en: string): FieldError => ({
  field,
  code,
  message: { es, en },
});

/**
 * A linked person id that is unknown, of another country, or of a person the caller may not read:
 * one answer for all three, so that linking tells nothing about persons the caller cannot read.
 */
export const unknownPersonProblem = (field: string): FieldError =>
  problem(
    field,
    'UNKNOWN_PERSON',
    'No es una persona registrada que usted pueda consultar.',
    'Not a registered person you may read.',
  );

export const repeatedPersonProblem = (field: string): FieldError =>
  problem(
    field,
    'PERSON_REPEATED',
    'Esta persona ya figura en el caso; inclúyala una sola vez.',
    'This person is already on the case; include them once.',
  );

/** National identity document formats known for member countries; others are checked for length only. */
const NATIONAL_ID_FORMATS: Record<string, { pattern: RegExp; es: string; en: string }> = {
  MX: {
    pattern: /^[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d$/,
    es: 'Una CURP de 18 caracteres.',
    en: 'An 18-character CURP.',
  },
  GT: { pattern: /^\d{13}$/, es: 'Un CUI/DPI de 13 dígitos.', en: 'A 13-digit CUI/DPI.' },
  HN: { pattern: /^\d{13}$/, es: 'Un DNI de 13 dígitos.', en: 'A 13-digit DNI.' },
  SV: { pattern: /^\d{9}$/, es: 'Un DUI de 9 dígitos.', en: 'A 9-digit DUI.' },
  CR: { pattern: /^\d{9}$/, es: 'Una cédula de 9 dígitos.', en: 'A 9-digit cédula.' },
  NI: {
    pattern: /^\d{13}[A-Z]$/,
    es: 'Una cédula de 13 dígitos y una letra.',
    en: 'A 13-digit cédula and a letter.',
  },
  DO: { pattern: /^\d{11}$/, es: 'Una cédula de 11 dígitos.', en: 'An 11-digit cédula.' },
};

export function normalizeDocumentNumber(number: string): string {
  return number.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function documentProblems(
  documents: PersonDocument[],
  field = 'person.documents',
): FieldError[] {
  return documents.flatMap((doc, index) => {
    const at = `${field}.${index}.number`;
    const number = normalizeDocumentNumber(doc.number);
    if (doc.type === 'passport' && !/^[A-Z0-9]{6,9}$/.test(number)) {
      return [
        problem(
          at,
          'BAD_FORMAT',
          'Un pasaporte tiene de 6 a 9 letras o dígitos.',
          'A passport number has 6 to 9 letters or digits.',
        ),
      ];
    }
    const national =
      doc.type === 'national_id' ? NATIONAL_ID_FORMATS[doc.issuingCountryCode] : undefined;
    if (national && !national.pattern.test(number))
      return [problem(at, 'BAD_FORMAT', national.es, national.en)];
    if (number.length < 4 || number.length > 30) {
      return [
        problem(
          at,
          'BAD_FORMAT',
          'Entre 4 y 30 letras o dígitos.',
          'Between 4 and 30 letters or digits.',
        ),
      ];
    }
    return [];
  });
}

/** Completed years between two ISO dates. */
export function ageOn(dateOfBirth: string, on: Date): number {
  const birth = new Date(`${dateOfBirth}T00:00:00Z`);
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birth.getUTCMonth() ||
    (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

/** Birth date not in the future, a plausible age, and an estimated age that agrees with it (±2 years). */
export function personProblems(person: PersonInput, today: Date, field = 'person'): FieldError[] {
  const problems: FieldError[] = [];
  if (person.dateOfBirth) {
    const birth = new Date(`${person.dateOfBirth}T00:00:00Z`);
    if (Number.isNaN(birth.getTime()) || birth > today) {
      problems.push(
        problem(
          `${field}.dateOfBirth`,
          'IN_THE_FUTURE',
          'La fecha de nacimiento no puede ser futura.',
          'The birth date cannot be in the future.',
        ),
      );
    } else if (ageOn(person.dateOfBirth, today) > 130) {
      problems.push(
        problem(
          `${field}.dateOfBirth`,
          'IMPLAUSIBLE',
          'La fecha de nacimiento no es plausible.',
          'The birth date is not plausible.',
        ),
      );
    } else if (
      person.estimatedAge != null &&
      Math.abs(ageOn(person.dateOfBirth, today) - person.estimatedAge) > 2
    ) {
      problems.push(
        problem(
          `${field}.estimatedAge`,
          'DISAGREES_WITH_BIRTH_DATE',
          'No concuerda con la fecha de nacimiento.',
          'Does not agree with the birth date.',
        ),
      );
    }
  }
  problems.push(...documentProblems(person.documents ?? [], `${field}.documents`));
  return problems;
}
