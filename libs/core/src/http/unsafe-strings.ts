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

export function isUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

/** `persons.0.givenNames`: how a field error names a nested field (class-validator's form). */
export function fieldPath(parent: string, key: string | number): string {
  return parent ? `${parent}.${key}` : String(key);
}

/**
 * Field errors for every string (value or key) of a parsed body, query or path that holds NUL or a
 * lone surrogate, at most `max`. Walks iteratively: the value's depth was bounded before parsing,
 * but a walker that recursed would still be one more stack to overflow.
 */
export function unsafeStringErrors(value: unknown, root: string, max: number): FieldError[] {
  const errors: FieldError[] = [];
  // [value, path, whether the key that leads to it is itself unsafe]
  const stack: [unknown, string, boolean][] = [[value, root, false]];
  while (stack.length && errors.length < max) {
    const [current, path, unsafeKey] = stack.pop()!;
    if (unsafeKey || (typeof current === 'string' && isUnsafeText(current))) {
      errors.push({ field: path || root, ...UNSAFE_CHARACTER_ERROR });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        stack.push([current[i], fieldPath(path, i), false]);
    } else if (current && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        // An unsafe key is named by a placeholder: echoing it would put it in the answer.
        const unsafe = isUnsafeText(key);
        stack.push([child, fieldPath(path, unsafe ? '?' : key), unsafe]);
      }
    }
  }
  return errors.slice(0, max);
}
