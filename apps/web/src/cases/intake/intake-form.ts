import type { TFunction } from 'i18next';
import type { components } from '../../api/schema';
import type { SummaryError } from '../../shell/error-summary';

type CreateCase = components['schemas']['CreateCaseRequest'];
type NewPerson = components['schemas']['PersonRequest'];
type NewDocument = components['schemas']['PersonDocumentRequest'];
export type FoundPerson = components['schemas']['FoundPersonResponse'];

/** The intake form as typed: strings as the fields hold them, '' for "not chosen". */
export interface IntakeForm {
  consulateId: string;
  givenNames: string;
  familyNames: string;
  sex: NewPerson['sex'] | '';
  gender: NonNullable<NewPerson['gender']> | '';
  dateOfBirth: string;
  estimatedAge: string;
  nationalityCode: string;
  documentType: NewDocument['type'] | '';
  documentNumber: string;
  documentCountry: string;
  primaryCategory: CreateCase['primaryCategory'] | '';
  vulnerabilityFlags: NonNullable<CreateCase['vulnerabilityFlags']>;
  riskLevel: NonNullable<CreateCase['riskLevel']>;
  hostCountryRole: NonNullable<CreateCase['hostCountryRole']> | '';
  temporaryWorker: boolean;
  summary: string;
  nextStep: string;
  /** YYYY-MM-DD */
  nextStepDue: string;
  restricted: boolean;
  /** An already registered person chosen instead of a new one ("use this person"). */
  linkedPerson: FoundPerson | null;
}

export const emptyIntake: IntakeForm = {
  consulateId: '',
  givenNames: '',
  familyNames: '',
  sex: '',
  gender: '',
  dateOfBirth: '',
  estimatedAge: '',
  nationalityCode: '',
  documentType: '',
  documentNumber: '',
  documentCountry: '',
  primaryCategory: '',
  vulnerabilityFlags: [],
  riskLevel: 'low',
  hostCountryRole: '',
  temporaryWorker: false,
  summary: '',
  nextStep: '',
  nextStepDue: '',
  restricted: false,
  linkedPerson: null,
};

/** Asylum cases are restricted whatever is asked (docs/domain.md); the form says so before the API does. */
export function mustBeRestricted(form: IntakeForm): boolean {
  return form.primaryCategory === 'asylum' || form.vulnerabilityFlags.includes('asylum_seeker');
}

function hasDocument(form: IntakeForm): boolean {
  return Boolean(form.documentType || form.documentNumber.trim() || form.documentCountry);
}

/** What the form can tell before asking the API: required fields, one of birth date or age. */
export function intakeProblems(form: IntakeForm, t: TFunction<'cases'>): SummaryError[] {
  const problems: SummaryError[] = [];
  const need = (ok: boolean, fieldId: string, key: string) => {
    if (!ok) problems.push({ fieldId, message: t(`intake.errors.${key}`) });
  };
  need(Boolean(form.consulateId), 'consulateId', 'consulate');
  if (!form.linkedPerson) {
    need(Boolean(form.givenNames.trim()), 'givenNames', 'givenNames');
    need(Boolean(form.familyNames.trim()), 'familyNames', 'familyNames');
    need(Boolean(form.sex), 'sex', 'sex');
    const age = form.estimatedAge.trim();
    if (!form.dateOfBirth && !age) need(false, 'dateOfBirth', 'birth');
    else if (form.dateOfBirth && age) need(false, 'dateOfBirth', 'birthBoth');
    else if (age) need(/^\d{1,3}$/.test(age) && Number(age) <= 130, 'estimatedAge', 'estimatedAge');
    need(Boolean(form.nationalityCode), 'nationalityCode', 'nationality');
    if (hasDocument(form)) {
      need(Boolean(form.documentType), 'documentType', 'documentType');
      need(Boolean(form.documentNumber.trim()), 'documentNumber', 'documentNumber');
      need(Boolean(form.documentCountry), 'documentCountry', 'documentCountry');
    }
  }
  need(Boolean(form.primaryCategory), 'primaryCategory', 'primaryCategory');
  // A due date alone would say when but not what.
  need(!form.nextStepDue || Boolean(form.nextStep.trim()), 'nextStep', 'nextStepDue');
  return problems;
}

/** The POST /cases body of a checked form (intakeProblems found nothing). */
export function intakeBody(form: IntakeForm): CreateCase {
  const person: NewPerson = {
    givenNames: form.givenNames.trim(),
    familyNames: form.familyNames.trim(),
    sex: form.sex as NewPerson['sex'],
    ...(form.gender ? { gender: form.gender } : {}),
    nationalityCode: form.nationalityCode,
    ...(form.dateOfBirth ? { dateOfBirth: form.dateOfBirth } : {}),
    ...(form.estimatedAge.trim() ? { estimatedAge: Number(form.estimatedAge.trim()) } : {}),
    ...(hasDocument(form)
      ? {
          documents: [
            {
              type: form.documentType as NewDocument['type'],
              number: form.documentNumber.trim(),
              issuingCountryCode: form.documentCountry,
            },
          ],
        }
      : {}),
  };
  return {
    consulateId: form.consulateId,
    primaryCategory: form.primaryCategory as CreateCase['primaryCategory'],
    vulnerabilityFlags: form.vulnerabilityFlags,
    riskLevel: form.riskLevel,
    ...(form.hostCountryRole ? { hostCountryRole: form.hostCountryRole } : {}),
    temporaryWorker: form.temporaryWorker,
    ...(form.summary.trim() ? { summary: form.summary.trim() } : {}),
    ...(form.nextStep.trim() ? { nextStep: form.nextStep.trim() } : {}),
    ...(form.nextStepDue ? { nextStepDue: form.nextStepDue } : {}),
    restricted: form.restricted || mustBeRestricted(form),
    persons: [
      form.linkedPerson
        ? { role: 'primary', personId: form.linkedPerson.id }
        : { role: 'primary', person },
    ],
  };
}

const PERSON_FIELDS: Record<string, string> = {
  givenNames: 'givenNames',
  familyNames: 'familyNames',
  sex: 'sex',
  gender: 'gender',
  dateOfBirth: 'dateOfBirth',
  estimatedAge: 'estimatedAge',
  nationalityCode: 'nationalityCode',
  'documents.0.type': 'documentType',
  'documents.0.number': 'documentNumber',
  'documents.0.issuingCountryCode': 'documentCountry',
};

/** The form field of an API field error (`persons.0.person.sex` is the `sex` field), if any. */
export function intakeFieldId(apiField: string): string | undefined {
  const person = /^persons\.0\.person\.(.+)$/.exec(apiField);
  if (person) return PERSON_FIELDS[person[1]];
  if (apiField === 'persons.0.personId') return 'linked-person';
  if (apiField === 'persons' || apiField === 'persons.0') return 'givenNames';
  return [
    'consulateId',
    'primaryCategory',
    'vulnerabilityFlags',
    'riskLevel',
    'hostCountryRole',
    'temporaryWorker',
    'summary',
    'nextStep',
    'nextStepDue',
    'restricted',
  ].includes(apiField)
    ? apiField
    : undefined;
}
