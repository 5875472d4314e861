import { DomainError, FieldError, registerErrorTexts } from '@amparo/core';
import { dictionary } from '@zxcvbn-ts/language-common';

registerErrorTexts({
  WEAK_PASSWORD: {
    title: { es: 'Contraseña no aceptada', en: 'Password not accepted' },
    detail: {
      es: 'La contraseña no cumple la política; vea la lista de errores.',
      en: 'The password does not meet the policy; see the list of errors.',
    },
  },
});

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// zxcvbn-ts' list of the ~50,000 most common passwords, bundled with the package (no network).
const COMMON_PASSWORDS = new Set(
  (dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()),
);

/**
 * NIST SP 800-63B: length 12 to 128 characters, not a common password, no composition rules.
 * Returns the problems; empty means accepted.
 */
export function passwordProblems(password: string, field = 'password'): FieldError[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return [
      {
        field,
        code: 'TOO_SHORT',
        message: {
          es: `Debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.`,
          en: `Must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
        },
      },
    ];
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return [
      {
        field,
        code: 'TOO_LONG',
        message: {
          es: `Debe tener como máximo ${PASSWORD_MAX_LENGTH} caracteres.`,
          en: `Must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
        },
      },
    ];
  }
  if (isPredictable(password)) {
    return [
      {
        field,
        code: 'COMMON_PASSWORD',
        message: {
          es: 'Es una contraseña demasiado común; elija otra.',
          en: 'This password is too common; choose another.',
        },
      },
    ];
  }
  return [];
}

const CONTEXT_WORDS = ['amparo', 'consulado', 'consulate', 'cancilleria', 'password', 'contrasena'];

/**
 * Common (breached-list) passwords, also with digits or symbols appended, repeated or sequential
 * characters, and words of this service: what NIST SP 800-63B asks verifiers to refuse.
 */
function isPredictable(password: string): boolean {
  const lower = password
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const stem = lower.replace(/[\d\W_]+$/, '');
  if (COMMON_PASSWORDS.has(lower) || (stem.length >= 4 && COMMON_PASSWORDS.has(stem))) return true;
  if (new Set(lower).size <= 2) return true;
  if (isSequential(lower)) return true;
  return CONTEXT_WORDS.some((word) => stem === word || lower.replace(/[\d\W_]+/g, '') === word);
}

function isSequential(value: string): boolean {
  let steps = 0;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (Math.abs(step) === 1) steps++;
  }
  return steps >= value.length - 2;
}

export function assertAcceptablePassword(password: string, field = 'password'): void {
  const problems = passwordProblems(password, field);
  if (problems.length) throw new DomainError('WEAK_PASSWORD', 'invalid', { fieldErrors: problems });
}
