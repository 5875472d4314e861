import { Localized } from '@amparo/core';

interface ConstraintText {
  code: string;
  message: Localized;
}

/**
 * Field error texts per class-validator constraint. `{0}`, `{1}` are the constraint's arguments
 * (a length, a minimum, the allowed values).
 */
const CONSTRAINT_TEXTS: Record<string, ConstraintText> = {
  whitelistValidation: {
    code: 'UNKNOWN_FIELD',
    message: { es: 'Este campo no está permitido.', en: 'This field is not allowed.' },
  },
  isDefined: {
    code: 'REQUIRED',
    message: { es: 'Este campo es obligatorio.', en: 'This field is required.' },
  },
  isNotEmpty: {
    code: 'REQUIRED',
    message: { es: 'Este campo no puede estar vacío.', en: 'This field must not be empty.' },
  },
  isNotBlank: {
    code: 'BLANK',
    message: {
      es: 'Debe contener algo más que espacios.',
      en: 'Must contain more than white space.',
    },
  },
  isString: {
    code: 'NOT_A_STRING',
    message: { es: 'Debe ser un texto.', en: 'Must be a string.' },
  },
  isInt: {
    code: 'NOT_AN_INTEGER',
    message: { es: 'Debe ser un número entero.', en: 'Must be an integer.' },
  },
  isNumber: {
    code: 'NOT_A_NUMBER',
    message: { es: 'Debe ser un número.', en: 'Must be a number.' },
  },
  isBoolean: {
    code: 'NOT_A_BOOLEAN',
    message: { es: 'Debe ser verdadero o falso.', en: 'Must be true or false.' },
  },
  isArray: {
    code: 'NOT_A_LIST',
    message: { es: 'Debe ser una lista.', en: 'Must be a list.' },
  },
  isUuid: {
    code: 'NOT_A_UUID',
    message: { es: 'Debe ser un identificador UUID.', en: 'Must be a UUID.' },
  },
  isEmail: {
    code: 'NOT_AN_EMAIL',
    message: {
      es: 'Debe ser una dirección de correo válida.',
      en: 'Must be a valid email address.',
    },
  },
  isUrl: {
    code: 'NOT_A_URL',
    message: {
      es: 'Debe ser una dirección web completa, que empiece por https:// o http://.',
      en: 'Must be a full web address, starting with https:// or http://.',
    },
  },
  isDateString: {
    code: 'NOT_A_DATE',
    message: { es: 'Debe ser una fecha ISO 8601.', en: 'Must be an ISO 8601 date.' },
  },
  isISO8601: {
    code: 'NOT_A_DATE',
    message: { es: 'Debe ser una fecha ISO 8601.', en: 'Must be an ISO 8601 date.' },
  },
  isIn: {
    code: 'NOT_ALLOWED_VALUE',
    message: { es: 'Debe ser uno de: {0}.', en: 'Must be one of: {0}.' },
  },
  isEnum: {
    code: 'NOT_ALLOWED_VALUE',
    message: {
      es: 'Debe ser uno de los valores permitidos.',
      en: 'Must be one of the allowed values.',
    },
  },
  minLength: {
    code: 'TOO_SHORT',
    message: {
      es: 'Debe tener al menos {0} caracteres.',
      en: 'Must be at least {0} characters long.',
    },
  },
  maxLength: {
    code: 'TOO_LONG',
    message: {
      es: 'Debe tener como máximo {0} caracteres.',
      en: 'Must be at most {0} characters long.',
    },
  },
  min: {
    code: 'TOO_SMALL',
    message: { es: 'Debe ser mayor o igual que {0}.', en: 'Must be greater than or equal to {0}.' },
  },
  max: {
    code: 'TOO_LARGE',
    message: { es: 'Debe ser menor o igual que {0}.', en: 'Must be less than or equal to {0}.' },
  },
  arrayMaxSize: {
    code: 'TOO_MANY_ITEMS',
    message: { es: 'Debe tener como máximo {0} elementos.', en: 'Must have at most {0} items.' },
  },
  arrayMinSize: {
    code: 'TOO_FEW_ITEMS',
    message: { es: 'Debe tener al menos {0} elementos.', en: 'Must have at least {0} items.' },
  },
  isMoneyAmount: {
    code: 'NOT_AN_AMOUNT',
    message: {
      es: 'Debe ser un importe de 0 a 9.999.999.999,99 con dos decimales como máximo.',
      en: 'Must be an amount from 0 to 9,999,999,999.99 with at most two decimals.',
    },
  },
  matches: {
    code: 'BAD_FORMAT',
    message: { es: 'El formato no es válido.', en: 'The format is not valid.' },
  },
  isObject: {
    code: 'NOT_AN_OBJECT',
    message: { es: 'Debe ser un objeto.', en: 'Must be an object.' },
  },
  nestedValidation: {
    code: 'NOT_AN_OBJECT',
    message: {
      es: 'Debe ser un objeto o una lista de objetos.',
      en: 'Must be an object or a list of objects.',
    },
  },
};

const FALLBACK: ConstraintText = {
  code: 'INVALID_VALUE',
  message: { es: 'El valor no es válido.', en: 'The value is not valid.' },
};

export function constraintText(constraint: string): ConstraintText {
  return CONSTRAINT_TEXTS[constraint] ?? FALLBACK;
}

/**
 * What a `@Matches` pattern expects, in the client's terms: "an ISO 639-3 code such as trs", not
 * "invalid format". Keyed by the pattern's source so every DTO using the same format gets the same
 * message; a pattern not listed falls back to the generic BAD_FORMAT text.
 */
const KNOWN_FORMATS: Record<string, Localized> = {
  '^[A-Z]{2}$': {
    es: 'Debe ser un código de país ISO 3166-1 alfa-2 en mayúsculas, como «MX».',
    en: 'Must be an upper-case ISO 3166-1 alpha-2 country code such as `MX`.',
  },
  '^[A-Z]{2}-[A-Z0-9]{1,3}$': {
    es: 'Debe ser un código de subdivisión ISO 3166-2, como «MX-OAX».',
    en: 'Must be an ISO 3166-2 subdivision code such as `MX-OAX`.',
  },
  '^[a-z]{2,3}$': {
    es: 'Debe ser un código de idioma ISO 639 en minúsculas, como «es» o «trs» (ISO 639-3).',
    en: 'Must be a lower-case ISO 639 language code such as `es` or `trs` (ISO 639-3).',
  },
  '^[A-Z]{3}$': {
    es: 'Debe ser un código de moneda ISO 4217 en mayúsculas, como «USD».',
    en: 'Must be an upper-case ISO 4217 currency code such as `USD`.',
  },
  '^\\d{4}-\\d{2}-\\d{2}$': {
    es: 'Debe ser una fecha AAAA-MM-DD, como «2026-02-28».',
    en: 'Must be a date YYYY-MM-DD such as `2026-02-28`.',
  },
  '^\\d{6}$': {
    es: 'Debe ser un código de 6 cifras.',
    en: 'Must be a 6-digit code.',
  },
  '^\\+?[0-9 ()-]{5,30}$': {
    es: 'Debe ser un número de teléfono (cifras, espacios, paréntesis, guiones; «+» inicial opcional).',
    en: 'Must be a phone number (digits, spaces, brackets, hyphens; optional leading `+`).',
  },
};

/** The message of a failed `@Matches`, when its pattern is a known format. */
export function formatExpectation(pattern: unknown): Localized | undefined {
  return pattern instanceof RegExp ? KNOWN_FORMATS[pattern.source] : undefined;
}
