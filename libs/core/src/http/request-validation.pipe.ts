import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldError, DomainError } from '../errors/domain-error';
import { interpolate, Localized } from '../i18n/locale';
import { constraintText } from './constraint-messages';

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

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // Optional fields skip validation when absent, so a failure on an absent field means "required".
    const missing =
      error.constraints &&
      error.target &&
      (error.target as Record<string, unknown>)[error.property] === undefined;
    const constraints = missing ? ['isDefined'] : Object.keys(error.constraints ?? {});
    const own = constraints.map((constraint) => {
      const text = constraintText(constraint);
      const args = constraintArguments(error, constraint);
      const message = Object.fromEntries(
        Object.entries(text.message).map(([locale, template]) => [
          locale,
          interpolate(template, args),
        ]),
      ) as Localized;
      return { field, code: text.code, message };
    });
    return own.concat(flatten(error.children ?? [], field));
  });
}

/** The constraint's arguments (e.g. the maximum length), looked up in class-validator's metadata. */
function constraintArguments(error: ValidationError, constraint: string): Record<string, string> {
  const target = error.target?.constructor;
  if (!target) return {};
  const storage = getMetadataStorage();
  const metadata = storage.getTargetValidationMetadatas(target, '', true, false).find((m) => {
    if (m.propertyName !== error.property) return false;
    const name =
      storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name ?? m.name ?? m.type;
    return name === constraint;
  });
  const values = (metadata?.constraints ?? []) as unknown[];
  return Object.fromEntries(
    values.map((value, index) => [
      String(index),
      Array.isArray(value) ? value.join(', ') : String(value),
    ]),
  );
}
