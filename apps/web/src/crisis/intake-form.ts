import type { TFunction } from 'i18next';
import type { SummaryError } from '../shell/error-summary';
import type { IntakeBody, WelfareStatus } from './crisis-types';

export interface IntakeForm {
  givenNames: string;
  familyNames: string;
  documentType: string;
  documentNumber: string;
  contact: string;
  locationSubdivision: string;
  locationText: string;
  welfareStatus: WelfareStatus;
}

export const FIRST_FIELD = 'intake-givenNames';

/** The form's field ids by the API's field names (problem details `errors[].field`). */
export const intakeFieldId = (field: string): string | undefined =>
  ({
    givenNames: FIRST_FIELD,
    familyNames: 'intake-familyNames',
    'document.type': 'intake-documentType',
    'document.number': 'intake-documentNumber',
    document: 'intake-documentNumber',
    contact: 'intake-contact',
    locationSubdivision: 'intake-locationSubdivision',
    locationText: 'intake-locationText',
    welfareStatus: 'intake-welfareStatus',
  })[field];

export const emptyIntake: IntakeForm = {
  givenNames: '',
  familyNames: '',
  documentType: '',
  documentNumber: '',
  contact: '',
  locationSubdivision: '',
  locationText: '',
  welfareStatus: 'unaccounted',
};

/**
 * The form after a save: the person's own fields empty, the place and the welfare status kept
 * (a team registers the people of one shelter, one after another).
 */
export const nextIntake = (saved: IntakeForm): IntakeForm => ({
  ...emptyIntake,
  locationSubdivision: saved.locationSubdivision,
  locationText: saved.locationText,
  welfareStatus: saved.welfareStatus,
});

export function intakeProblems(form: IntakeForm, t: TFunction): SummaryError[] {
  const problems: SummaryError[] = [];
  if (!form.givenNames.trim())
    problems.push({ fieldId: FIRST_FIELD, message: t('intake.errors.givenNames') });
  if (form.documentType && !form.documentNumber.trim())
    problems.push({
      fieldId: 'intake-documentNumber',
      message: t('intake.errors.documentNumber'),
    });
  return problems;
}

const optional = (value: string) => value.trim() || undefined;

/** The request body: empty fields left out; a document only with its type and number. */
export function intakeBody(form: IntakeForm, documentCountry: string): IntakeBody {
  return {
    givenNames: form.givenNames.trim(),
    familyNames: optional(form.familyNames),
    document:
      form.documentType && form.documentNumber.trim()
        ? {
            type: form.documentType as NonNullable<IntakeBody['document']>['type'],
            number: form.documentNumber.trim(),
            country: documentCountry,
          }
        : undefined,
    contact: optional(form.contact),
    locationSubdivision: optional(form.locationSubdivision),
    locationText: optional(form.locationText),
    welfareStatus: form.welfareStatus,
  };
}
