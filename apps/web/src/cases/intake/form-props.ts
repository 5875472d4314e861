import type { IntakeForm } from './intake-form';

/** What each section of the intake form gets: the form, a setter and the errors of the last submit. */
export interface SectionProps {
  form: IntakeForm;
  set(patch: Partial<IntakeForm>): void;
  fieldError(fieldId: string): string | undefined;
}

/** MUI field props for a field's inline error: the message under it, aria-invalid on it. */
export function errorProps(message: string | undefined) {
  return { error: Boolean(message), helperText: message };
}
