import { FieldError } from '../errors/domain-error';

// NUL is refused by PostgreSQL in text (SQLSTATE 22021); a lone UTF-16 surrogate cannot be encoded
// as UTF-8 at all. Neither is ever part of a name, a summary or a search.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_CHARACTER_ERROR = {
  code: 'UNSAFE_CHARACTER',
  message: {
    es: 'Contiene un carácter no admitido (NUL o un sustituto UTF-16 aislado).',
    en: 'Contains a character that is not allowed (NUL or a lone UTF-16 surrogate).',
  },
} as const;

/**
 * Keys that name an object's prototype machinery. No request field is called so; class-transformer
 * and class-validator treat them specially, so one could slip past the refusal of unknown fields.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const PROTOTYPE_KEY_ERROR = {
  code: 'UNKNOWN_FIELD',
  message: { es: 'Este campo no está permitido.', en: 'This field is not allowed.' },
} as const;

export function isUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

/** `persons.0.givenNames`: how a field error names a nested field (class-validator's form). */
export function fieldPath(parent: string, key: string | number): string {
  return parent ? `${parent}.${key}` : String(key);
}

/**
 * Field errors for every string (value or key) of a parsed body, query or path that holds NUL or a
 * lone surrogate, and for every key of the prototype machinery (`__proto__`, `constructor`,
 * `prototype`), at most `max`. Walks iteratively: the value's depth was bounded before parsing,
 * but a walker that recursed would still be one more stack to overflow.
 */
export function unsafeStringErrors(value: unknown, root: string, max: number): FieldError[] {
  const errors: FieldError[] = [];
  // [value, path, what is wrong with the key that leads to it, if anything]
  const stack: [unknown, string, 'unsafe' | 'prototype' | undefined][] = [[value, root, undefined]];
  while (stack.length && errors.length < max) {
    const [current, path, badKey] = stack.pop()!;
    if (badKey === 'prototype') {
      errors.push({ field: path, ...PROTOTYPE_KEY_ERROR });
    } else if (badKey === 'unsafe' || (typeof current === 'string' && isUnsafeText(current))) {
      errors.push({ field: path || root, ...UNSAFE_CHARACTER_ERROR });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        stack.push([current[i], fieldPath(path, i), undefined]);
    } else if (current && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        // An unsafe key is named by a placeholder: echoing it would put it in the answer.
        const unsafe = isUnsafeText(key);
        const bad = unsafe ? 'unsafe' : PROTOTYPE_KEYS.has(key) ? 'prototype' : undefined;
        stack.push([child, fieldPath(path, unsafe ? '?' : key), bad]);
      }
    }
  }
  return errors.slice(0, max);
}
