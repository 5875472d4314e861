import { DocumentType, Gender, Sex } from '../case-codes';

export interface PersonDocument {
  type: DocumentType;
  number: string;
  issuingCountryCode: string;
}

export interface PersonInput {
  givenNames: string;
  familyNames: string;
  otherNames?: string[];
  dateOfBirth?: string | null;
  estimatedAge?: number | null;
  sex: Sex;
  /** Coded, for statistics; as sensitive as sex (disclosed only when consented to). */
  gender?: Gender | null;
  genderIdentity?: string | null;
  nationalityCode: string;
  originSubdivisionCode?: string | null;
  originMunicipality?: string | null;
  documents?: PersonDocument[];
  languages?: string[];
  indigenousPeople?: string | null;
  indigenousLanguage?: string | null;
  phone?: string | null;
  email?: string | null;
  addressAbroad?: string | null;
}

export interface Person extends Required<Omit<PersonInput, 'documents'>> {
  id: string;
  countryCode: string;
  estimatedAgeOn: string | null;
  documents: PersonDocument[];
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of a person `p`, without their documents. */
const PERSON_FIELDS = `
  p.id, p.country_code AS "countryCode", p.given_names AS "givenNames", p.family_names AS "familyNames",
  p.other_names AS "otherNames", to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
  p.estimated_age AS "estimatedAge", to_char(p.estimated_age_on, 'YYYY-MM-DD') AS "estimatedAgeOn", p.sex,
  p.gender, p.gender_identity AS "genderIdentity", p.nationality_code AS "nationalityCode",
  p.origin_subdivision_code AS "originSubdivisionCode", p.origin_municipality AS "originMunicipality",
  p.languages, p.indigenous_people AS "indigenousPeople", p.indigenous_language AS "indigenousLanguage",
  p.phone, p.email, p.address_abroad AS "addressAbroad", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

/**
 * The columns of a person `p` with their documents, read from `documents`: the table, or the rows a
 * statement has just inserted (which the table does not show within that statement).
 */
export const personColumns = (documents = 'person_documents') => `${PERSON_FIELDS},
  COALESCE((SELECT json_agg(json_build_object('type', d.type, 'number', d.number, 'issuingCountryCode', d.issuing_country_code) ORDER BY d.id)
              FROM ${documents} d WHERE d.person_id = p.id), '[]') AS documents`;

export const PERSON_COLUMNS = personColumns();

/**
 * Person `id` (an SQL expression) as one JSON value of the fields PERSON_COLUMNS reads, for a
 * statement that brings each row's person along (a page of cases and their primary persons: one
 * round trip, one snapshot); `personFromJson` reads it back.
 */
export const personJson = (id: string) =>
  `(SELECT to_jsonb(one) FROM (SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.id = ${id}) one)`;

/** A person read as JSON (`personJson`), its time-stamps dates again as the driver gives them. */
export function personFromJson(
  json: Omit<Person, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string },
): Person {
  return { ...json, createdAt: new Date(json.createdAt), updatedAt: new Date(json.updatedAt) };
}

/** The link of a person to a case, as `case_persons` stores it. */
export interface CasePersonRow {
  personId: string;
  role: 'primary' | 'involved';
  relationship: string | null;
}

/** A person as linked to one case. */
export interface CasePerson {
  role: 'primary' | 'involved';
  relationship: string | null;
  person: Person;
}

/** What an officer sees of a possible duplicate before linking: enough to recognise, no more. */
export interface PossibleDuplicate {
  personId: string;
  initials: string;
  birthYear: number | null;
  estimatedAge: number | null;
  matchedOn: ('name' | 'birth_date' | 'age_band' | 'document')[];
  score: number;
}
