import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Text with something besides white space. Names, reasons and document numbers are trimmed before
 * they are stored, so "   " would pass a minimum length and be stored empty.
 */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: { validate: (value: unknown) => typeof value !== 'string' || /\S/.test(value) },
    },
    options,
  );
}
