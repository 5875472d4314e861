import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldError, DomainError, interpolate, Localized, fieldPath } from '@amparo/core';
import { constraintText, formatExpectation } from './constraint-messages';

/**
 * Global validation: unknown fields are refused, types are converted, and every failure becomes a
 * localized field error in one VALIDATION_FAILED problem.
 */
export function createRequestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => requestValidationError(errors),
  });
}

export function requestValidationError(errors: ValidationError[]): DomainError {
  return new DomainError('VALIDATION_FAILED', 'invalid', { fieldErrors: flatten(errors, '') });
}

/**
 * Which failed constraint a field reports when several did: the most basic first. `"persons": "y"`
 * is "must be a list", not also "at least 1 item" and "at most 30"; `limit=abc` is "must be an
 * integer", not also "at least 1".
 */
const PRECEDENCE = [
  'whitelistValidation',
  'isDefined',
  'isArray',
  'isObject',
  'nestedValidation',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isUuid',
  'isEmail',
  'isISO8601',
  'isDateString',
  'isIn',
  'isEnum',
  'matches',
  'minLength',
  'maxLength',
  'arrayMinSize',
  'arrayMaxSize',
];

function firstConstraint(constraints: string[]): string {
  const rank = (c: string) => {
    const index = PRECEDENCE.indexOf(c);
    return index < 0 ? PRECEDENCE.length : index;
  };
  return [...constraints].sort((a, b) => rank(a) - rank(b))[0];
}

/** One error per field (its first failing constraint), nested fields named `persons.0.givenNames`. */
function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = fieldPath(prefix, error.property);
    // Optional fields skip validation when absent, so a failure on an absent field means
    // "required"; null is no value either.
    const value = error.target
      ? (error.target as Record<string, unknown>)[error.property]
      : undefined;
    const failed = Object.keys(error.constraints ?? {});
    if (!failed.length) return flatten(error.children ?? [], field);
    const constraint =
      value === undefined || value === null ? 'isDefined' : firstConstraint(failed);
    const text = constraintText(constraint);
    const args = constraintArguments(error, constraint);
    const expected = expectedOf(error, constraint);
    const message = Object.fromEntries(
      Object.entries(expected ?? text.message).map(([locale, template]) => [
        locale,
        interpolate(template, args),
      ]),
    ) as Localized;
    return [{ field, code: text.code, message }];
  });
}

/**
 * A constraint may say what it expects in the client's terms (`{ context: { expected } }`, see
 * format-constraints.ts): "an ISO 639-3 code such as trs" rather than "invalid format".
 */
function expectedOf(error: ValidationError, constraint: string): Localized | undefined {
  const context = error.contexts?.[constraint] as { expected?: Localized } | undefined;
  if (context?.expected) return context.expected;
  if (constraint !== 'matches') return undefined;
  return formatExpectation(constraintMetadata(error, constraint)?.constraints?.[0]);
}

function constraintMetadata(error: ValidationError, constraint: string) {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const storage = getMetadataStorage();
  return storage.getTargetValidationMetadatas(target, '', true, false).find((m) => {
    if (m.propertyName !== error.property) return false;
    const name =
      storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name ?? m.name ?? m.type;
    return name === constraint;
  });
}

/** The constraint's arguments (e.g. the maximum length), looked up in class-validator's metadata. */
function constraintArguments(error: ValidationError, constraint: string): Record<string, string> {
  const values = (constraintMetadata(error, constraint)?.constraints ?? []) as unknown[];
  return Object.fromEntries(
    values.map((value, index) => [
      String(index),
      Array.isArray(value) ? value.join(', ') : String(value),
    ]),
  );
}
