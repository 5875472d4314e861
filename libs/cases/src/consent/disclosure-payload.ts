import { CaseRecord } from '../cases/case';
import { CasePerson } from '../persons/person';
import {
  CASE_DISCLOSURE_FIELDS,
  DISCLOSURE_FIELDS,
  DisclosedPerson,
  DisclosureField,
  DisclosurePayload,
} from './consent';

/** Which person properties each field group discloses. */
const PERSON_FIELD_PROPERTIES: Record<
  Exclude<DisclosureField, (typeof CASE_DISCLOSURE_FIELDS)[number]>,
  (keyof DisclosedPerson)[]
> = {
  names: ['givenNames', 'familyNames', 'otherNames'],
  date_of_birth: ['dateOfBirth', 'estimatedAge'],
  sex: ['sex'],
  gender: ['gender'],
  nationality: ['nationalityCode'],
  origin: ['originSubdivisionCode', 'originMunicipality'],
  documents: ['documents'],
  contact: ['phone', 'email'],
  address_abroad: ['addressAbroad'],
  languages: ['languages', 'indigenousLanguage'],
};

/** The fields in the catalogue's order, each once: the payload does not depend on how they were asked. */
export function normaliseFields(fields: readonly DisclosureField[]): DisclosureField[] {
  return DISCLOSURE_FIELDS.filter((f) => fields.includes(f));
}

/**
 * What a disclosure of `fields` about these persons of the case carries, and nothing more: the one
 * builder behind the preview an officer reads and the payload that is sent, so the two cannot differ.
 */
export function buildDisclosurePayload(
  found: CaseRecord,
  persons: CasePerson[],
  fields: readonly DisclosureField[],
): DisclosurePayload {
  const wanted = normaliseFields(fields);
  const disclosedPersons = persons.map(({ role, relationship, person }) => {
    const disclosed: Record<string, unknown> = { role };
    if (role === 'involved') disclosed.relationship = relationship;
    const source = person as unknown as Record<string, unknown>;
    for (const field of wanted) {
      const properties = PERSON_FIELD_PROPERTIES[field as keyof typeof PERSON_FIELD_PROPERTIES];
      for (const property of properties ?? []) disclosed[property] = source[property];
    }
    return disclosed as unknown as DisclosedPerson;
  });
  const disclosedCase: DisclosurePayload['case'] = {};
  if (wanted.includes('categories')) {
    disclosedCase.primaryCategory = found.primaryCategory;
    disclosedCase.secondaryCategories = found.secondaryCategories;
  }
  if (wanted.includes('vulnerability_flags'))
    disclosedCase.vulnerabilityFlags = found.vulnerabilityFlags;
  if (wanted.includes('case_summary')) disclosedCase.summary = found.summary;
  return { fields: wanted, persons: disclosedPersons, case: disclosedCase };
}
